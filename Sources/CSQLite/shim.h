#include <sqlite3.h>

/// SQLITE_TRANSIENT, which Swift cannot import (a cast macro): SQLite copies the bound value.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }
