package dev.scrollback.adapters.persistence.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory projections, each fed by its own Axon {@link PooledStreamingEventProcessor} reading the event table
 * through an {@link EmbeddedEventStore}. Tokens live in memory and start at the tail, so every start replays the log
 * from position 0 (the projections are rebuilt, SPEC: "a projection of the log that can be rebuilt at any time").
 * One segment per processor and per-stream sequencing keep each stream's events in order. A handler that fails
 * stops its processor (Axon retries it), it is never skipped: a projection that silently missed an event would lie.
 */
public final class Projections implements AutoCloseable {
    /** How long the Axon reader waits before looking for other instances' appends when it has caught up. */
    private static final long FETCH_DELAY_MILLIS = 25;
    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    /** One projection's processor and the threads it runs on. */
    private record Processor(String name, PooledStreamingEventProcessor processor, List<ScheduledExecutorService> threads) {}

    private final EventStore store;
    private final EmbeddedEventStore source;
    private final List<Processor> processors = new ArrayList<>();

    private Projections(EventStore store) {
        this.store = store;
        this.source = EmbeddedEventStore.builder()
                .storageEngine(store.storageEngine())
                .fetchDelay(FETCH_DELAY_MILLIS)
                .threadFactory(Thread.ofPlatform().name("projection-reader-", 0).daemon().factory())
                .build();
    }

    /** Starts replaying the log into the projections; see {@link #awaitCaughtUp} to wait until they are current. */
    public static Projections start(EventStore store, List<Projection<?>> projected) {
        if (projected.stream().map(Projection::name).distinct().count() != projected.size()) {
            throw new IllegalArgumentException("two projections share a name: " + projected);
        }
        var projections = new Projections(store);
        try {
            for (var projection : projected) projections.run(projection.name(), projection.feed());
        } catch (RuntimeException e) {
            projections.close();
            throw e;
        }
        return projections;
    }

    private void run(String name, EventMessageHandler handler) {
        var coordinator = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("projection-" + name + "-coordinator").daemon().factory());
        var worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("projection-" + name + "-worker").daemon().factory());
        var invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(handler)
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
                .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                .build();
        var processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(source)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(worker)
                .initialSegmentCount(1)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(100)
                .build();
        processors.add(new Processor(name, processor, List.of(coordinator, worker)));
        processor.start();
    }

    /** Whether every processor has read to the end of the log at least once and is not failing. */
    public boolean caughtUp() {
        for (var p : processors) {
            var status = p.processor().processingStatus();
            if (status.isEmpty()) return false;
            for (var segment : status.values()) if (segment.isErrorState() || !segment.isCaughtUp()) return false;
        }
        return true;
    }

    /**
     * Waits until every processor has applied every event that was in the log when this was called.
     *
     * @throws IllegalStateException if that takes longer than {@code timeout}, saying where each processor is
     */
    public void awaitCaughtUp(Duration timeout) {
        long head = store.eventLog().lastPosition();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(head)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections did not catch up with position " + head + " within " + timeout + ": " + describe());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for projections to catch up", e);
            }
        }
    }

    private boolean reached(long head) {
        for (var p : processors) {
            var status = p.processor().processingStatus();
            if (status.isEmpty()) return false;
            for (var segment : status.values()) {
                if (segment.isErrorState()) return false;
                var position = segment.getCurrentPosition();
                boolean there = position.isPresent() ? position.getAsLong() >= head : head == 0 && segment.isCaughtUp();
                if (!there) return false;
            }
        }
        return true;
    }

    private String describe() {
        return processors.stream().map(p -> p.name() + " " + p.processor().processingStatus().values().stream()
                        .map(Projections::describe).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining("; "));
    }

    private static String describe(EventTrackerStatus s) {
        var at = s.getCurrentPosition().isPresent() ? "at " + s.getCurrentPosition().getAsLong() : "not started";
        return at + (s.isErrorState() ? ", failing: " + s.getError() : "");
    }

    @Override
    public void close() {
        var stopping = processors.stream().map(p -> p.processor().shutdownAsync()).toList();   // all at once
        for (int i = 0; i < processors.size(); i++) {
            var p = processors.get(i);
            try {
                stopping.get(i).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("projection processor {} did not shut down cleanly", p.name(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            p.threads().forEach(ScheduledExecutorService::shutdownNow);
        }
        source.shutDown();
    }
}
