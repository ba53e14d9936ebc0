package dev.scrollback.adapters.sandbox.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KernelBlocksTest {
    private final KernelBlocks blocks = new KernelBlocks(1024);

    @Test
    void byte_i_of_a_block_is_its_handle_plus_i() {
        long block = blocks.alloc(16);
        blocks.storeU64(block + 3, 0x0807060504030201L);   // unaligned, little-endian

        assertThat(blocks.loadU8(block + 3)).isEqualTo(1);
        assertThat(blocks.loadU8(block + 10)).isEqualTo(8);
        assertThat(blocks.loadU64(block + 3)).isEqualTo(0x0807060504030201L);
        assertThat(blocks.length(block)).isEqualTo(16);
        assertThat(blocks.length(block + 1)).as("not a block's start").isZero();
    }

    @Test
    void alloc_of_nothing_or_past_the_budget_returns_0() {
        assertThat(blocks.alloc(0)).isZero();
        assertThat(blocks.alloc(-1)).isZero();
        assertThat(blocks.alloc(1024)).as("the overhead counts").isZero();

        long block = blocks.alloc(1024 - KernelBlocks.BLOCK_OVERHEAD);
        assertThat(block).isNotZero();
        assertThat(blocks.alloc(1)).isZero();

        blocks.free(block);
        assertThat(blocks.alloc(1)).as("freeing gives the budget back").isNotZero();
    }

    @Test
    void free_ignores_0_unknown_interior_and_repeated_handles() {
        long block = blocks.alloc(8);

        assertThat(blocks.free(0)).isFalse();
        assertThat(blocks.free(0x7777_0000_0000L)).isFalse();
        assertThat(blocks.free(block + 1)).isFalse();
        assertThat(blocks.free(block)).isTrue();
        assertThat(blocks.free(block)).isFalse();
        assertThat(blocks.length(block)).isZero();
    }

    @Test
    void a_stale_handle_to_a_reused_slot_traps() {
        long first = blocks.alloc(8);
        blocks.free(first);
        long second = blocks.alloc(8);

        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> blocks.loadU8(first)).isInstanceOf(KernelFault.class)
                .hasMessageContaining("not inside a live kernel block");
        assertThat(blocks.loadU8(second)).isZero();
    }

    @Test
    void access_outside_a_block_traps() {
        long block = blocks.alloc(4);

        assertThatThrownBy(() -> blocks.loadU64(block)).isInstanceOf(KernelFault.class)
                .hasMessageContaining("run past the end of a block of 4 bytes");
        assertThatThrownBy(() -> blocks.storeU8(block + 4, 1)).isInstanceOf(KernelFault.class);
        assertThatThrownBy(() -> blocks.read(block, Long.MAX_VALUE, "output_set")).isInstanceOf(KernelFault.class);
        assertThatThrownBy(() -> blocks.read(block, -1, "output_set")).isInstanceOf(KernelFault.class);
        assertThatThrownBy(() -> blocks.loadU8(block + 0xffff_ffffL)).isInstanceOf(KernelFault.class);
        assertThatThrownBy(() -> blocks.loadU8(-1)).isInstanceOf(KernelFault.class);
    }

    @Test
    void clear_invalidates_every_handle_and_frees_the_budget() {
        long block = blocks.alloc(100);

        blocks.clear();

        assertThat(blocks.used()).isZero();
        assertThat(blocks.length(block)).isZero();
        assertThatThrownBy(() -> blocks.loadU8(block)).isInstanceOf(KernelFault.class);
    }
}
