// A site rehype plugin that needs an option the config does not give.
export default {
  markdown: {
    rehypePlugins: [
      function rehypeNeedsName(options) {
        if (!options?.name) throw new Error('option `name` is required');
        return () => {};
      },
    ],
  },
};
