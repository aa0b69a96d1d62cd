// Stand-in for react-devtools-core, which ink imports statically but only uses when DEV=true.
export default {};
