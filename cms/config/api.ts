export default {
  rest: {
    defaultLimit: 25,
    maxLimit: 100,
    withCount: true,
    // Unknown query parameters are refused with a 400 instead of being ignored.
    strictParams: true,
  },
};
