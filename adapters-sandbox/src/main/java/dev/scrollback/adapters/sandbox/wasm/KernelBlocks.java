package dev.scrollback.adapters.sandbox.wasm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Extism kernel memory, in Java: blocks of bytes addressed by i64 handles, within a byte budget.
 *
 * <p>PDKs do pointer arithmetic (byte {@code i} of block {@code h} is {@code h + i}), so a handle packs
 * {@code [slot + 1 : 23 bits][tag : 8 bits][offset : 32 bits]}: adding an offset inside the block never carries out
 * of the low 32 bits, handle 0 stays "none", and every handle is positive. The tag is a rolling stamp given at
 * allocation: a stale handle to a reused slot is caught 255 times out of 256 (the reference kernel never notices).
 *
 * <p>Stricter than the reference kernel on purpose: an access outside a live block traps instead of reading 0 or
 * writing nowhere. Like it, {@code alloc} returns 0 when the budget is spent, {@code free} ignores unknown, stale and
 * repeated handles, and {@link #clear()} (before every call) invalidates every handle. Each block is charged
 * {@value #BLOCK_OVERHEAD} bytes on top of its length, so a plugin cannot hold millions of tiny blocks.
 */
final class KernelBlocks {
    static final int BLOCK_OVERHEAD = 64;
    private static final int OFFSET_BITS = 32;
    private static final int TAG_BITS = 8;
    private static final int MAX_SLOTS = (1 << 23) - 1;

    private static final class Block {
        final byte[] bytes;
        final int tag;

        Block(byte[] bytes, int tag) {
            this.bytes = bytes;
            this.tag = tag;
        }
    }

    private final long budget;
    private final List<Block> slots = new ArrayList<>();   // a free slot holds FREED
    private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
    private long used;
    private int nextTag;

    private static final Block FREED = new Block(new byte[0], -1);

    KernelBlocks(long budget) {
        this.budget = budget;
    }

    /** A new zeroed block of {@code length} bytes, or 0 when {@code length} is 0 or over the remaining budget. */
    long alloc(long length) {
        if (length <= 0 || length > budget - used - BLOCK_OVERHEAD) return 0;
        int slot;
        if (!freeSlots.isEmpty()) {
            slot = freeSlots.pop();
        } else if (slots.size() < MAX_SLOTS) {
            slot = slots.size();
            slots.add(FREED);
        } else {
            return 0;
        }
        int tag = nextTag;
        nextTag = (nextTag + 1) & ((1 << TAG_BITS) - 1);
        slots.set(slot, new Block(new byte[(int) length], tag));
        used += length + BLOCK_OVERHEAD;
        return ((long) (slot + 1) << (OFFSET_BITS + TAG_BITS)) | ((long) tag << OFFSET_BITS);
    }

    /** A block holding a copy of {@code bytes}, or 0 if it does not fit. */
    long allocCopy(byte[] bytes) {
        if (bytes.length == 0) return 0;
        long handle = alloc(bytes.length);
        if (handle != 0) System.arraycopy(bytes, 0, liveOrNull(handle).bytes, 0, bytes.length);
        return handle;
    }

    /** Frees the block starting at {@code handle}; anything else (0, stale, inside a block, freed) is ignored. */
    boolean free(long handle) {
        var block = liveOrNull(handle);
        if (block == null || offsetOf(handle) != 0) return false;
        int slot = slot(handle);
        slots.set(slot, FREED);
        freeSlots.push(slot);
        used -= block.bytes.length + BLOCK_OVERHEAD;
        return true;
    }

    /** Length of the live block starting at {@code handle}; 0 for anything else, as {@code length} answers. */
    long length(long handle) {
        var block = liveOrNull(handle);
        return block == null || offsetOf(handle) != 0 ? 0 : block.bytes.length;
    }

    int loadU8(long address) {
        var block = require(address, 1, "load_u8");
        return block.bytes[offset(address)] & 0xff;
    }

    long loadU64(long address) {
        var block = require(address, 8, "load_u64");
        long value = 0;
        int at = offset(address);
        for (int i = 7; i >= 0; i--) value = (value << 8) | (block.bytes[at + i] & 0xff);
        return value;
    }

    void storeU8(long address, int value) {
        require(address, 1, "store_u8").bytes[offset(address)] = (byte) value;
    }

    void storeU64(long address, long value) {
        var block = require(address, 8, "store_u64");
        int at = offset(address);
        for (int i = 0; i < 8; i++) block.bytes[at + i] = (byte) (value >>> (8 * i));
    }

    /** A copy of {@code length} bytes from {@code address}; traps unless they lie inside one live block. */
    byte[] read(long address, long length, String what) {
        var block = require(address, length, what);
        int at = offset(address);
        return Arrays.copyOfRange(block.bytes, at, at + (int) length);
    }

    /** From {@code address} to the end of its block, at most {@code limit} bytes (keys, messages). */
    byte[] readToEnd(long address, int limit, String what) {
        var block = require(address, 0, what);
        int at = offset(address);
        return Arrays.copyOfRange(block.bytes, at, at + Math.min(limit, block.bytes.length - at));
    }

    /** Bytes from {@code address} to the end of its block (not copied). */
    long remaining(long address, String what) {
        return require(address, 0, what).bytes.length - offset(address);
    }

    /** Drops every block: handles of the previous call mean nothing any more. */
    void clear() {
        slots.clear();
        freeSlots.clear();
        used = 0;
    }

    long used() {
        return used;
    }

    private Block require(long address, long length, String what) {
        var block = liveOrNull(address);
        if (block == null) {
            throw KernelFault.trap(what + ": 0x" + Long.toHexString(address) + " is not inside a live kernel block");
        }
        long at = offsetOf(address);
        if (length < 0 || length > block.bytes.length - at) {   // at <= length of the block, checked by liveOrNull
            throw KernelFault.trap(what + ": " + Long.toUnsignedString(length) + " bytes at offset " + at
                    + " run past the end of a block of " + block.bytes.length + " bytes");
        }
        return block;
    }

    private Block liveOrNull(long handle) {   // private: null never leaves this class
        long slotPart = handle >>> (OFFSET_BITS + TAG_BITS);
        if (slotPart == 0 || slotPart > slots.size()) return null;
        var block = slots.get((int) slotPart - 1);
        if (block == FREED || block.tag != tag(handle)) return null;
        return offsetOf(handle) <= block.bytes.length ? block : null;
    }

    private static int slot(long handle) {
        return (int) (handle >>> (OFFSET_BITS + TAG_BITS)) - 1;
    }

    private static int tag(long handle) {
        return (int) (handle >>> OFFSET_BITS) & ((1 << TAG_BITS) - 1);
    }

    /** The offset inside the block; only used as an int index once {@link #require} has bounded it. */
    private static int offset(long handle) {
        return (int) offsetOf(handle);
    }

    private static long offsetOf(long handle) {
        return handle & 0xffff_ffffL;
    }
}
