#!/usr/bin/env python3
"""Audit an archive with copydesk under Apache Spark (`RDD.pipe`).

    audit.py INPUT.ndjson OUTPUT_DIR [--binary PATH] [--master URL]
             [--partitions N] [-- COPYDESK_CHECK_OPTIONS…]

INPUT is NDJSON, one document a line (`id`, `text`, optional `format`,
`path` and metadata: see the README's "Stream mode"); it may be a local
path or any URL Spark reads (`hdfs://…`, `s3a://…`). Each partition is
piped through one `copydesk check --input-format ndjson -j 1 -` process;
OUTPUT_DIR (which must not exist) receives the result lines, one a
document, as Spark's `part-*` files.

Local mode (`local[*]`, the default) runs the binary where it is. On a
cluster (`--master spark://host:7077`, `yarn`, `k8s://…`) the binary is
shipped with `SparkContext.addFile` and each executor runs its own copy
from its working directory: build it for the executors' platform (e.g.
`cargo build --release --target x86_64-unknown-linux-musl`). Options after
`--` go to `copydesk check` (e.g. `-- --isolated --select unicode.*`); a
config file must then be readable on the executors (`--config`, shipped
with `--files`), or use `--isolated`.

The exit code of each copydesk process is ignored (PySpark's `pipe`
default): a finding is data here, and malformed lines are result lines
(`{"line": N, "error": …}`, N counted within the partition).
"""
import argparse
import os
import shlex
import shutil
import sys

from pyspark import SparkConf, SparkContext


def parse_args(argv):
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input")
    p.add_argument("output_dir")
    here = os.path.dirname(os.path.abspath(__file__))
    default_binary = shutil.which("copydesk") or os.path.join(here, "../../target/release/copydesk")
    p.add_argument("--binary", default=default_binary, help="the copydesk binary (default: on PATH, else target/release)")
    p.add_argument("--master", default="local[*]", help="Spark master URL (default local[*])")
    p.add_argument("--partitions", type=int, default=None,
                   help="input partitions (default: Spark's, at least 2 per core)")
    args = p.parse_args(argv)
    args.extra = extra
    return args


def main(argv):
    args = parse_args(argv)
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"audit.py: {binary}: not an executable copydesk binary (see --binary)")
    conf = SparkConf().setAppName("copydesk-audit").setMaster(args.master)
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    try:
        if args.master.startswith("local"):
            command = [binary]
        else:
            # Shipped to every executor's working directory (made executable).
            sc.addFile(binary)
            command = ["./" + os.path.basename(binary)]
        command += ["check", "--input-format", "ndjson", "-j", "1", *args.extra, "-"]
        partitions = args.partitions or max(2, 2 * sc.defaultParallelism)
        lines = sc.textFile(args.input, minPartitions=partitions)
        # Blank lines would come back as nothing; drop them before the pipe.
        lines = lines.filter(lambda line: line.strip())
        lines.pipe(shlex.join(command)).saveAsTextFile(args.output_dir)
    finally:
        sc.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
