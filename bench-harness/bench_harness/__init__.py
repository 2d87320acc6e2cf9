"""The workbook's harness: build a chapter crate, check it against the Python
baseline, time it, and keep the results."""
