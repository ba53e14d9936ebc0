package dev.scrollback.adapters.persistence.boards;

import dev.scrollback.application.boards.MessageIndex;
import dev.scrollback.application.boards.SearchText;
import dev.scrollback.domain.boards.BoardId;
import dev.scrollback.domain.boards.MessageBody;
import dev.scrollback.domain.boards.MessageId;
import dev.scrollback.domain.boards.Subject;
import dev.scrollback.domain.boards.ThreadId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The full-text index of the boards on Apache Lucene, in memory: like every projection it is rebuilt from the log at
 * start, so it needs no files of its own. Queries go through Lucene's {@link SimpleQueryParser}, which takes any text
 * (a stray quote or bracket is a word, never a syntax error): words must all match, {@code "phrases"}, {@code -not},
 * {@code prefix*}. Subjects weigh twice as much as bodies.
 */
public final class LuceneMessageIndex implements MessageIndex, AutoCloseable {
    private static final String ID = "id";
    private static final String THREAD = "thread";
    private static final String BOARD = "board";
    private static final String AUTHOR = "author";
    private static final String SUBJECT = "subject";
    private static final String BODY = "body";
    private static final String AT = "at";
    private static final int SNIPPET = 160;
    /** Lucene's default of 16 MB makes a replay of the boards flush and merge segments several times as often. */
    private static final double RAM_BUFFER_MB = 64;

    private final StandardAnalyzer analyzer = new StandardAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicBoolean closed = new AtomicBoolean();

    public LuceneMessageIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the in-memory search index", e);
        }
    }

    @Override
    public void add(Indexed m) {
        write(() -> writer.updateDocument(new Term(ID, m.message().toString()), document(m)));
    }

    @Override
    public void edit(MessageId message, MessageBody body) {
        var existing = stored(message);
        if (existing == null) return;
        write(() -> writer.updateDocument(new Term(ID, message.toString()), document(new Indexed(message,
                ThreadId.parse(existing.get(THREAD)), BoardId.parse(existing.get(BOARD)), existing.get(AUTHOR),
                new Subject(existing.get(SUBJECT)), body, Instant.ofEpochMilli(existing.getField(AT).numericValue().longValue())))));
    }

    @Override
    public void remove(MessageId message) {
        write(() -> writer.deleteDocuments(new Term(ID, message.toString())));
    }

    @Override
    public List<Hit> search(SearchText text, BoardScope scope, int limit) {
        var parser = new SimpleQueryParser(analyzer, Map.of(SUBJECT, 2.0f, BODY, 1.0f));
        parser.setDefaultOperator(BooleanClause.Occur.MUST);
        Query words = parser.parse(text.value());
        if (words == null) return List.of();                              // nothing searchable (only stop words, say)
        Query query = switch (scope) {
            case BoardScope.All all -> words;
            case BoardScope.Only only -> {
                if (only.boards().isEmpty()) yield null;
                var onBoards = new TermInSetQuery(BOARD, only.boards().stream().map(b -> new BytesRef(b.toString())).toList());
                yield new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST).add(onBoards, BooleanClause.Occur.FILTER).build();
            }
        };
        if (query == null) return List.of();
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                var top = searcher.search(query, limit);
                var stored = searcher.storedFields();
                var hits = new ArrayList<Hit>(top.scoreDocs.length);
                for (var scored : top.scoreDocs) hits.add(hit(stored.document(scored.doc), text));
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private static Document document(Indexed m) {
        var doc = new Document();
        doc.add(new StringField(ID, m.message().toString(), Field.Store.YES));
        doc.add(new StoredField(THREAD, m.thread().toString()));
        doc.add(new StringField(BOARD, m.board().toString(), Field.Store.YES));
        doc.add(new StoredField(AUTHOR, m.author()));
        doc.add(new TextField(SUBJECT, m.subject().value(), Field.Store.YES));
        doc.add(new TextField(BODY, m.body().value(), Field.Store.YES));
        doc.add(new StoredField(AT, m.at().toEpochMilli()));
        return doc;
    }

    private static Hit hit(Document doc, SearchText text) {
        return new Hit(MessageId.parse(doc.get(ID)), ThreadId.parse(doc.get(THREAD)), BoardId.parse(doc.get(BOARD)),
                doc.get(AUTHOR), new Subject(doc.get(SUBJECT)),
                Instant.ofEpochMilli(doc.getField(AT).numericValue().longValue()), snippet(doc.get(BODY), text));
    }

    /** The body on one line, around the first searched word found in it (plain text: the caller's terminal decides). */
    static String snippet(String body, SearchText text) {
        var flat = body.replace('\n', ' ').replace('\t', ' ');
        var lower = flat.toLowerCase(Locale.ROOT);
        int at = -1;
        for (var word : text.value().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 2) continue;
            int found = lower.indexOf(word);
            if (found >= 0 && (at < 0 || found < at)) at = found;
        }
        int start = Math.max(0, at - SNIPPET / 3);
        int end = Math.min(flat.length(), start + SNIPPET);
        return (start > 0 ? "…" : "") + flat.substring(start, end).strip() + (end < flat.length() ? "…" : "");
    }

    private Document stored(MessageId message) {
        try {
            searchers.maybeRefreshBlocking();
            var searcher = searchers.acquire();
            try {
                var top = searcher.search(new TermQuery(new Term(ID, message.toString())), 1);
                return top.scoreDocs.length == 0 ? null : searcher.storedFields().document(top.scoreDocs[0].doc);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index read failed", e);
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    private static void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException("search index write failed", e);
        }
    }

    @Override
    public MessageIndex empty() {
        return new LuceneMessageIndex();
    }

    @Override
    public void forEach(Consumer<Indexed> each) {
        try {
            searchers.maybeRefreshBlocking();
            var searcher = searchers.acquire();
            try {
                var stored = searcher.storedFields();
                for (var leaf : searcher.getIndexReader().leaves()) {
                    var live = leaf.reader().getLiveDocs();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (live != null && !live.get(doc)) continue;
                        var d = stored.document(leaf.docBase + doc);
                        each.accept(new Indexed(MessageId.parse(d.get(ID)), ThreadId.parse(d.get(THREAD)),
                                BoardId.parse(d.get(BOARD)), d.get(AUTHOR), new Subject(d.get(SUBJECT)),
                                new MessageBody(d.get(BODY)), Instant.ofEpochMilli(d.getField(AT).numericValue().longValue())));
                    }
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index read failed", e);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
