// libtonezone (Debian libtonezone-dev). tonezone.h includes <dahdi/user.h>, which Debian ships
// in dahdi-source.
#include <dahdi/tonezone.h>
