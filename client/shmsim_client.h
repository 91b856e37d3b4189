/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * client/shmsim_client.h - what the files of libshmsim_client.so share:
 * the connection to the server (client/shmsim_client.c) for the /proc
 * files that client/shmsim_client_proc.c stands in for. Hidden: a
 * preloaded library exports nothing but the calls it replaces.
 */
#ifndef _SHMSIM_CLIENT_H
#define _SHMSIM_CLIENT_H

#include "shmsim_proto.h"

#define SHMSIM_HIDDEN __attribute__((visibility("hidden")))

/*
 * Connect and HELLO, once per process (token: as the task a fork made);
 * -1 when there is no server
 */
SHMSIM_HIDDEN int connect_server(uint64_t token);
/* one request, its reply, and the fds it brings (if fds); -1 if lost */
SHMSIM_HIDDEN int exchange(const struct shmsim_request *rq,
			   struct shmsim_reply *rp, int fds[2]);

#endif /* _SHMSIM_CLIENT_H */
