/* sim_response.h — a right or wrong response to any question, for the tests
 * and benchmarks that play lessons without a keyboard. */
#ifndef DECLIC_SIM_RESPONSE_H
#define DECLIC_SIM_RESPONSE_H

#include <stdbool.h>

#include "core/item.h"

/* Fills resp with a right (or wrong) response to it: the answer, or another
 * option, a reversed order, shifted links, a text no answer accepts. False if
 * the item has no answer to give. */
bool sim_response(const struct item *it, bool right, struct response *resp);

#endif
