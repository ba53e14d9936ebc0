package dev.scrollback.adapters.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Modules whose declared counts would make the parser allocate far more than they hold: each a few bytes, each refused
 * before the parser sees it. Built by hand, since no assembler writes such lies.
 */
class WasmShapeTest {

    @Test
    void a_well_formed_module_passes() {
        assertThat(WasmShape.problem(Wat.module("plugin"))).isEmpty();
        assertThat(WasmShape.problem(Wat.module("filter"))).isEmpty();
    }

    @Test
    void a_billion_locals_in_a_few_bytes_are_refused() {
        // one function, one body: 30,000 declarations of 50,000 i32 locals each would be 1.5 billion locals
        var body = new ByteArrayOutputStream();
        leb(body, 30_000);
        for (int i = 0; i < 30_000; i++) {
            leb(body, 50_000);
            body.write(0x7F);
        }
        body.write(0x0B);
        var code = new ByteArrayOutputStream();
        leb(code, 1);
        leb(code, body.size());
        code.writeBytes(body.toByteArray());
        var module = module(section(1, new byte[] {1, 0x60, 0, 0}), section(3, new byte[] {1, 0}), section(10, code.toByteArray()));

        assertThat(WasmShape.problem(module)).hasValueSatisfying(p -> assertThat(p).contains("more than 50000 locals"));
        assertThat(WasmModuleCheck.check(module, java.util.Set.of(), WasmPolicy.restrictive()))
                .isInstanceOf(ModuleVerdict.Refused.class);
    }

    @Test
    void a_data_segment_claiming_two_gigabytes_is_refused() {
        var data = new ByteArrayOutputStream();
        leb(data, 1);
        data.write(1);                                   // passive
        leb(data, 0x7FFF_FFF0L);
        assertThat(WasmShape.problem(module(section(11, data.toByteArray()))))
                .hasValueSatisfying(p -> assertThat(p).contains("data segment 0 declares"));
    }

    @Test
    void counts_larger_than_their_section_are_refused() {
        var types = new ByteArrayOutputStream();
        leb(types, 1);
        types.write(0x60);
        leb(types, 100_000_000);                         // a hundred million parameters, in a few bytes
        assertThat(WasmShape.problem(module(section(1, types.toByteArray())))).isPresent();

        var imports = new ByteArrayOutputStream();
        leb(imports, 1);
        leb(imports, 1_000_000_000);                     // a name of a gigabyte
        assertThat(WasmShape.problem(module(section(2, imports.toByteArray())))).isPresent();

        var functions = new ByteArrayOutputStream();
        leb(functions, 0xFFFF_FFFFL);
        assertThat(WasmShape.problem(module(section(3, functions.toByteArray())))).isPresent();

        var elements = new ByteArrayOutputStream();
        leb(elements, 1);
        elements.write(1);
        elements.write(0);                               // passive, funcref
        leb(elements, 500_000_000);                      // half a billion initialisers
        assertThat(WasmShape.problem(module(section(9, elements.toByteArray())))).isPresent();
    }

    @Test
    void more_than_one_table_and_broken_layouts_are_refused() {
        assertThat(WasmShape.problem(module(section(4, new byte[] {2, 0x70, 0, 1, 0x70, 0, 1}))))
                .hasValue("the module declares more than one table");
        assertThat(WasmShape.problem(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, 0x0F})).hasValueSatisfying(p -> assertThat(p).contains("runs past the end"));
        assertThat(WasmShape.problem(new byte[] {0, 'a', 's', 'm', 2, 0, 0, 0})).isPresent();
        assertThat(WasmShape.problem(new byte[] {0, 'a', 's', 'm'})).isPresent();
        assertThat(WasmShape.problem(module(section(42, new byte[0])))).hasValue("unknown section id 42");
        assertThat(WasmShape.problem(module(section(1, new byte[] {1, 0x5F, 0})))).hasValueSatisfying(
                p -> assertThat(p).contains("garbage-collected"));
    }

    private static byte[] module(byte[]... sections) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        for (var section : sections) out.writeBytes(section);
        return out.toByteArray();
    }

    private static byte[] section(int id, byte[] content) {
        var out = new ByteArrayOutputStream();
        out.write(id);
        leb(out, content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static void leb(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7F);
            value >>>= 7;
            out.write(value == 0 ? b : b | 0x80);
        } while (value != 0);
    }
}
