# lit suite that runs the GoogleTest unit tests of lib/, so that one lit run
# reports the checks' tests and the unit tests in one summary.
import lit.formats

config.name = "mapsafety-unit"
config.test_format = lit.formats.GoogleTest(".", "UnitTests")
config.test_source_root = config.mapsafety_unittests
config.test_exec_root = config.mapsafety_unittests
