package dev.scrollback.adapters.persistence.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Personal values found in a stored JSON tree by their mark, whatever the event (see {@link ValueObjectJson}): opened
 * for the feed, sealed for the one-time migration of a store written before decision 0021.
 */
final class PersonalTree {
    private static final byte[] MARK = ("\"" + ValueObjectJson.PERSONAL + "\"").getBytes(StandardCharsets.US_ASCII);

    private PersonalTree() {}

    /** Whether the stored bytes may hold a personal value at all (the cheap test before parsing). */
    static boolean mayHoldPersonal(byte[] json) {
        outer:
        for (int i = 0; i + MARK.length <= json.length; i++) {
            for (int j = 0; j < MARK.length; j++) if (json[i + j] != MARK[j]) continue outer;
            return true;
        }
        return false;
    }

    /**
     * Replaces every sealed value in {@code tree} with what the feed shows: {@code {"personal":"text"}}, or
     * {@code {"erased":true}} once its owner is erased; never the ciphertext.
     *
     * @throws IllegalArgumentException when a sealed value does not open
     */
    static void open(JsonNode tree, PersonalCipher cipher) {
        visit(tree, marked -> {
            var value = marked.get(ValueObjectJson.PERSONAL);
            if (!(value instanceof ObjectNode sealed)) return;
            var plain = cipher.open(sealedOf(sealed));
            marked.removeAll();
            if (plain.isPresent()) marked.put(ValueObjectJson.PERSONAL, plain.get());
            else marked.put(ValueObjectJson.ERASED, true);
        });
    }

    /** Seals every value in the clear in {@code tree} under {@code owner}; returns how many it sealed. */
    static int seal(JsonNode tree, PersonalCipher cipher, KeyOwner owner) {
        int[] sealed = {0};
        visit(tree, marked -> {
            if (!(marked.get(ValueObjectJson.PERSONAL) instanceof TextNode text)) return;
            var value = cipher.seal(owner, text.textValue());
            if (value.isEmpty()) {
                marked.removeAll();
                marked.put(ValueObjectJson.ERASED, true);
            } else {
                value.get().putInto(marked.putObject(ValueObjectJson.PERSONAL));
            }
            sealed[0]++;
        });
        return sealed[0];
    }

    /** Calls {@code marked} for every object whose only field is the personal mark, depth first. */
    private static void visit(JsonNode node, Consumer<ObjectNode> marked) {
        if (node instanceof ObjectNode object) {
            if (object.size() == 1 && object.has(ValueObjectJson.PERSONAL)) {
                marked.accept(object);
                return;
            }
            for (var child : object) visit(child, marked);
        } else if (node instanceof ArrayNode array) {
            for (var child : array) visit(child, marked);
        }
    }

    private static PersonalCipher.Sealed sealedOf(ObjectNode sealed) {
        if (sealed.size() != 3) throw new IllegalArgumentException("sealed personal data must hold exactly key, nonce and ciphertext");
        var key = sealed.get(PersonalCipher.KEY);
        var nonce = sealed.get(PersonalCipher.NONCE);
        var ciphertext = sealed.get(PersonalCipher.CIPHERTEXT);
        if (key == null || !key.isTextual() || nonce == null || !nonce.isTextual() || ciphertext == null || !ciphertext.isTextual()) {
            throw new IllegalArgumentException("sealed personal data lacks its key, nonce or ciphertext as strings");
        }
        return new PersonalCipher.Sealed(key.textValue(), nonce.textValue(), ciphertext.textValue());
    }
}
