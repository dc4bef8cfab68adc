/* i18n.h — gettext shortcuts; every string a user reads goes through _(). */
#ifndef DECLIC_I18N_H
#define DECLIC_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
