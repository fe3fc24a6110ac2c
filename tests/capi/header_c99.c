/* kikv.h compiles on its own as strict C99 (this file is only compiled). */
#include "kikv/kikv.h"

int kikv_header_c99_check(void);
int kikv_header_c99_check(void) { return KIKV_VERSION_NUMBER > 0 && KIKV_DONE == 101; }
