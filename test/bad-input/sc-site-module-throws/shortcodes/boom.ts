export default () => {
  throw new Error('kaboom');
};
