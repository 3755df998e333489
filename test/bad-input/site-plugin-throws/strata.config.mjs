// A site remark plugin with a bug: it throws on one page.
export default {
  markdown: {
    remarkPlugins: [
      function remarkNoBoom() {
        return (tree, file) => {
          if (String(file.value).includes('boom')) throw new Error('cannot handle "boom"');
        };
      },
    ],
  },
};
