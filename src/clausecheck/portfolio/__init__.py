"""Portfolios: tens of thousands of agreements from storage, checked on a Dask cluster, cached, summarised.

The same `Checker` judges every agreement, here as in a local batch; this
package only adds what a portfolio needs around it:

- `sources`: agreements named by paths, globs, zip archives or fsspec URLs,
  read by whichever process checks them;
- `worker`: what a worker process holds (the checker built once from packs
  sent as data) and does for one agreement (read, hash, look up the cache,
  check);
- `cache`: results keyed by the agreement's SHA-256, the settings' hash and
  the version, so a re-run does only new work;
- `pools`: local worker processes or a Dask cluster, results streamed as they
  complete;
- `records` and `results`: a result line (JSON Lines) and rows (Parquet),
  written as they come and read back;
- `page` and `charts`: the portfolio report, one offline HTML page.

Dask, fsspec and pyarrow are optional installs (`clausecheck[dask]`,
`clausecheck[s3]`): `extras` imports them and names the extra when one is missing.
"""
