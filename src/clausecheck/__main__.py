from clausecheck.cli import console

console()
