package dev.scrollback.adapters.sandbox.wasm;

import java.util.Optional;

/**
 * A walk over a module's binary layout before Chicory's parser sees it. The parser sizes what it allocates from the
 * counts and lengths the module declares (a few bytes may ask for a 2 GiB array, or a billion locals), so every count
 * and length is held here to what could really follow it in its section, locals to {@link #MAX_LOCALS} per function,
 * and tables to one. It reads nothing else: what the module means is the parser's and {@link WasmModuleCheck}'s job.
 * Says the first problem found, or nothing.
 */
final class WasmShape {
    /** Locals one function may declare (the parser already refuses one declaration of more than 50,000). */
    static final int MAX_LOCALS = 50_000;

    private final byte[] bytes;
    private int at;

    private WasmShape(byte[] bytes) {
        this.bytes = bytes;
    }

    static Optional<String> problem(byte[] bytes) {
        try {
            new WasmShape(bytes).walk();
            return Optional.empty();
        } catch (Bad bad) {
            return Optional.of(bad.getMessage());
        }
    }

    private static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private void walk() throws Bad {
        if (bytes.length < 8 || bytes[0] != 0 || bytes[1] != 'a' || bytes[2] != 's' || bytes[3] != 'm'
                || bytes[4] != 1 || bytes[5] != 0 || bytes[6] != 0 || bytes[7] != 0) {
            throw new Bad("not a WebAssembly module (version 1)");
        }
        at = 8;
        while (at < bytes.length) {
            int id = u8(bytes.length);
            long size = u32(bytes.length);
            if (size > bytes.length - at) throw new Bad("section " + id + " runs past the end of the module");
            int end = at + (int) size;
            section(id, end);
            at = end;
        }
    }

    private void section(int id, int end) throws Bad {
        switch (id) {
            case 0, 8, 12 -> { }                                   // custom, start, data count: nothing sized by them
            case 1 -> types(end);
            case 2 -> imports(end);
            case 3, 6, 13 -> count(end, "section " + id);          // functions, globals, tags: each takes bytes
            case 4 -> {
                if (count(end, "the table section") > 1) throw new Bad("the module declares more than one table");
            }
            case 5 -> count(end, "the memory section");
            case 7 -> exports(end);
            case 9 -> elements(end);
            case 10 -> code(end);
            case 11 -> data(end);
            default -> throw new Bad("unknown section id " + id);
        }
    }

    private void types(int end) throws Bad {
        long count = count(end, "the type section");
        for (long i = 0; i < count; i++) {
            if (u8(end) != 0x60) throw new Bad("type " + i + " is not a function type; garbage-collected types are not supported");
            for (int list = 0; list < 2; list++) {
                long values = count(end, "a function type");
                for (long v = 0; v < values; v++) valueType(end);
            }
        }
    }

    private void imports(int end) throws Bad {
        long count = count(end, "the import section");
        for (long i = 0; i < count; i++) {
            name(end);
            name(end);
            switch (u8(end)) {
                case 0 -> u32(end);                                 // function: its type
                case 1 -> { referenceType(end); limits(end); }      // table
                case 2 -> limits(end);                              // memory
                case 3 -> { valueType(end); u8(end); }              // global: type, mutability
                case 4 -> { u8(end); u32(end); }                    // tag
                default -> throw new Bad("import " + i + " has an unknown kind");
            }
        }
    }

    private void exports(int end) throws Bad {
        long count = count(end, "the export section");
        for (long i = 0; i < count; i++) {
            name(end);
            u8(end);
            u32(end);
        }
    }

    private void elements(int end) throws Bad {
        long count = count(end, "the element section");
        for (long i = 0; i < count; i++) {
            long flags = u32(end);
            if (flags > 7) throw new Bad("element segment " + i + " has unknown flags");
            boolean explicitTable = (flags & 2) != 0 && (flags & 1) == 0;
            boolean active = (flags & 1) == 0;
            boolean expressions = (flags & 4) != 0;
            if (explicitTable) u32(end);
            if (active) expression(end);
            if (flags != 0 && flags != 4) {
                if (expressions) referenceType(end);
                else u8(end);                                       // element kind
            }
            long items = count(end, "element segment " + i);
            for (long item = 0; item < items; item++) {
                if (expressions) expression(end);
                else u32(end);
            }
        }
    }

    private void code(int end) throws Bad {
        long count = count(end, "the code section");
        for (long i = 0; i < count; i++) {
            long size = u32(end);
            if (size > end - at) throw new Bad("the body of function " + i + " runs past its section");
            int bodyEnd = at + (int) size;
            long declarations = count(bodyEnd, "the locals of function " + i);
            long locals = 0;
            for (long d = 0; d < declarations; d++) {
                locals += u32(bodyEnd);
                if (locals > MAX_LOCALS) throw new Bad("function " + i + " declares more than " + MAX_LOCALS + " locals");
                valueType(bodyEnd);
            }
            at = bodyEnd;
        }
    }

    private void data(int end) throws Bad {
        long count = count(end, "the data section");
        for (long i = 0; i < count; i++) {
            long flags = u32(end);
            if (flags == 2) u32(end);                               // memory index
            if (flags == 0 || flags == 2) expression(end);
            else if (flags != 1) throw new Bad("data segment " + i + " has unknown flags");
            skip(count(end, "data segment " + i), end);
        }
    }

    /** A constant expression: the few instructions one may hold, up to its {@code end}. */
    private void expression(int end) throws Bad {
        while (true) {
            int opcode = u8(end);
            switch (opcode) {
                case 0x0B -> { return; }
                case 0x41, 0x42, 0x23, 0xD2 -> leb(end, 10);        // i32/i64.const, global.get, ref.func
                case 0x43 -> skip(4, end);
                case 0x44 -> skip(8, end);
                case 0xD0 -> leb(end, 5);                           // ref.null with its heap type
                case 0x6A, 0x6B, 0x6C, 0x7C, 0x7D, 0x7E -> { }      // extended constant arithmetic
                default -> throw new Bad("a constant expression uses an instruction (0x" + Integer.toHexString(opcode)
                        + ") this host does not take");
            }
        }
    }

    private void valueType(int end) throws Bad {
        int type = u8(end);
        if (type == 0x63 || type == 0x64) leb(end, 5);              // (ref null? heaptype)
    }

    private void referenceType(int end) throws Bad {
        valueType(end);
    }

    private void limits(int end) throws Bad {
        int flags = u8(end);
        leb(end, 10);
        if ((flags & 1) != 0) leb(end, 10);
    }

    private void name(int end) throws Bad {
        skip(count(end, "a name"), end);
    }

    /** A count or length, which cannot exceed the bytes left before {@code end}: each thing counted takes one or more. */
    private long count(int end, String what) throws Bad {
        long count = u32(end);
        if (count > end - at) throw new Bad(what + " declares " + count + " entries, more than its " + (end - at) + " bytes hold");
        return count;
    }

    private void skip(long n, int end) throws Bad {
        if (n > end - at) throw new Bad("the module is cut short");
        at += (int) n;
    }

    private int u8(int end) throws Bad {
        if (at >= end) throw new Bad("the module is cut short");
        return bytes[at++] & 0xFF;
    }

    private long u32(int end) throws Bad {
        long value = leb(end, 5);
        if (value > 0xFFFF_FFFFL) throw new Bad("a number does not fit 32 bits");
        return value;
    }

    /** An unsigned (or, for skipping, signed) LEB128 of at most {@code maxBytes} bytes; its low 63 bits. */
    private long leb(int end, int maxBytes) throws Bad {
        long value = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = u8(end);
            if (i < 9) value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) return value;
        }
        throw new Bad("a number is longer than " + maxBytes + " bytes");
    }
}
