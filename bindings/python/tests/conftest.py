import os
import sys

# The package from this source tree; the library from KIKV_LIBRARY (set by CTest to the build's).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
