"""Name and version of the program: the one place they are written."""

APP_NAME = "Park Inspector"
APP_NAME_ZH = "园区现场检查"
APP_ID = "ParkInspector"  # folder names, QSettings organisation/application
APP_VERSION = "0.1.0"
