"""The machinery of `make bench` and `make scale`: servers, page discovery, load, reports.

bench/run.py (the benchmark), bench/load.py (the load test) and bench/scale.py (two servers
behind nginx) are the entry points; they put bench/ on sys.path and import from here.
"""
