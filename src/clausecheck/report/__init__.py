"""Everything clausecheck writes for people and tools, from the `Report` models.

`text`, `sarif` and `html` render a report (`schema` publishes the JSON
one's schema); `annotate` plans the Word comments that `document.annotate`
writes into a copy of the agreement; `placement` finds where a missing duty
belongs, `labels` the words reports add in the agreement's language,
`summary` the batch table and progress bar, `output` the atomic writes, and
`ruledocs` the rule pages in `docs/rules/`.
"""
