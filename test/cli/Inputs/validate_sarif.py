#!/usr/bin/env python3
"""validate_sarif.py SCHEMA LOG: validates the SARIF log against the JSON
schema (python3-jsonschema); prints each violation and exits 1 if any."""
import json
import sys

import jsonschema

with open(sys.argv[1], encoding="utf-8") as fh:
    schema = json.load(fh)
with open(sys.argv[2], encoding="utf-8") as fh:
    log = json.load(fh)
validator = jsonschema.validators.validator_for(schema)(schema)
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
for e in errors:
    print("%s: %s" % ("/".join(str(p) for p in e.absolute_path), e.message))
print("%d schema violations" % len(errors))
sys.exit(1 if errors else 0)
