/*
 * The Extism plugin ABI as seen from C: the host functions of the import module "extism:host/env", declared here
 * from the ABI's table of names and WebAssembly types (our own declarations, not Extism's C PDK).
 *
 * Handles are offsets into the host's kernel memory, a memory separate from the plugin's own: the plugin copies bytes
 * in and out with load_* and store_*, eight at a time. A handle of 0 means "none". Handles are only valid during the
 * call that made them; vars (var_get/var_set) are what survives between calls, and only if the manifest grants
 * kv_storage. A WebAssembly u8 is an i32, which is what uint8_t becomes here.
 */
#ifndef SCROLLBACK_EXTISM_ABI_H
#define SCROLLBACK_EXTISM_ABI_H

#include <stdint.h>

typedef uint64_t xt_handle;

#define XT_IMPORT(name) __attribute__((import_module("extism:host/env"), import_name(name)))

/* kernel memory */
XT_IMPORT("alloc") xt_handle xt_alloc(uint64_t length);        /* 0 when the host refuses */
XT_IMPORT("free") void xt_free(xt_handle handle);
XT_IMPORT("length") uint64_t xt_length(xt_handle handle);      /* 0 unless the start of a live block */
XT_IMPORT("load_u8") uint8_t xt_load_u8(xt_handle address);
XT_IMPORT("load_u64") uint64_t xt_load_u64(xt_handle address);
XT_IMPORT("store_u8") void xt_store_u8(xt_handle address, uint8_t value);
XT_IMPORT("store_u64") void xt_store_u64(xt_handle address, uint64_t value);

/* the call's input, output and error */
XT_IMPORT("input_length") uint64_t xt_input_length(void);
XT_IMPORT("input_offset") xt_handle xt_input_offset(void);
XT_IMPORT("input_load_u8") uint8_t xt_input_load_u8(uint64_t offset);     /* offset from the input's start */
XT_IMPORT("input_load_u64") uint64_t xt_input_load_u64(uint64_t offset);
XT_IMPORT("output_set") void xt_output_set(xt_handle address, uint64_t length);
XT_IMPORT("error_set") void xt_error_set(xt_handle message);             /* fails the call with the block's text */

/* host services */
XT_IMPORT("config_get") xt_handle xt_config_get(xt_handle key);           /* 0 when absent */
XT_IMPORT("var_get") xt_handle xt_var_get(xt_handle key);                 /* needs kv_storage; 0 when absent */
XT_IMPORT("var_set") void xt_var_set(xt_handle key, xt_handle value);     /* needs kv_storage; value 0 deletes */
XT_IMPORT("log_info") void xt_log_info(xt_handle message);
XT_IMPORT("log_warn") void xt_log_warn(xt_handle message);
XT_IMPORT("log_error") void xt_log_error(xt_handle message);

#undef XT_IMPORT

/* What an exported hook returns: 0, or anything else after xt_error_set (see plugins/README.md on return codes). */
#define XT_OK 0
#define XT_FAILED 1

#endif
