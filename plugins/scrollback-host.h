/*
 * The BBS's own host functions, beyond the Extism ABI: module "extism:host/user", where Extism PDKs import
 * user-defined host functions. Each takes a block (its handle) and answers a block, or 0. Only a plugin whose manifest
 * grants the permission may import them; the BBS refuses any other at its scan.
 *
 *   post_message (needs post_message)  request {"room": "<a public chat room's name>", "text": "<one line>"}
 *                                      answer  {"posted": true, "room": "<id>"} or {"error": "<why>"}
 *   read_user    (needs read_user)     request a handle, as text
 *                                      answer  {"handle": "...", "roles": ["member", ...], "member_since": "<ISO time>"}
 *                                              or 0 when no one holds the handle
 */
#ifndef SCROLLBACK_HOST_H
#define SCROLLBACK_HOST_H

#include "extism-abi.h"

#define BBS_IMPORT(name) __attribute__((import_module("extism:host/user"), import_name(name)))

BBS_IMPORT("post_message") xt_handle bbs_post_message(xt_handle request);
BBS_IMPORT("read_user") xt_handle bbs_read_user(xt_handle handle);

#undef BBS_IMPORT

#endif
