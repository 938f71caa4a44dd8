package org.payrisk.stats;

import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Merges block results in block order, whatever order they arrive in: block b (trials
 * [b B, (b + 1) B)) is merged only after blocks 0..b-1, so every engine (threads on this machine, a
 * cluster, a precision-targeted loop that adds blocks until a target is met) reduces the same
 * sequence of blocks and gets bit-identical results.
 *
 * <p>Blocks that arrive early wait in a small queue. Each merged block is passed, in block order, to
 * a listener (for statistics accumulated block by block, or rows streamed to a file) and, when the
 * merger collects, copied into the run's outcome store. Without collecting, memory holds only the
 * blocks waiting for an earlier one: this is the seam for runs whose size memory cannot hold.
 *
 * <p>Thread safe: {@link #accept} may be called from any thread.
 */
public final class BlockMerger {

    private TrialOutcomes target;
    private final boolean collect;
    private final int trials;
    private final Consumer<TrialOutcomes> listener;
    private final TreeMap<Integer, TrialOutcomes> waiting = new TreeMap<>();
    private int next;

    /**
     * @param models model names
     * @param inputs recorded input paths
     * @param trials trials of the whole run
     * @param months counted months
     * @param listener told of each block once it is merged, in block order (may be null)
     */
    public BlockMerger(List<String> models, List<String> inputs, int trials, int months, Consumer<TrialOutcomes> listener) {
        this(models, inputs, trials, months, null, listener);
    }

    /**
     * A merger that collects a responsive run's blocks (their extra columns included).
     *
     * @param models model names
     * @param inputs recorded input paths
     * @param trials trials of the whole run
     * @param months counted months
     * @param layout the blocks' extra columns, or null for a plain run
     * @param listener told of each block once it is merged, in block order (may be null)
     */
    public BlockMerger(List<String> models, List<String> inputs, int trials, int months, ResponseLayout layout,
                       Consumer<TrialOutcomes> listener) {
        this.target = new TrialOutcomes(models, inputs, 0, trials, months, layout);
        this.collect = true;
        this.trials = trials;
        this.listener = listener;
    }

    /**
     * A merger that keeps nothing: each block goes to the listener, in block order, and is dropped.
     *
     * @param trials trials of the whole run
     * @param listener told of each block in block order
     */
    public BlockMerger(int trials, Consumer<TrialOutcomes> listener) {
        this(0, trials, listener);
    }

    /**
     * A merger that keeps nothing and starts at trial {@code firstTrial}: the blocks of trials
     * [firstTrial, trials) of a run that continues an earlier part (a precision-targeted run's next batch).
     *
     * @param firstTrial the first trial expected, a block boundary
     * @param trials the end of the run's last block
     * @param listener told of each block in block order
     */
    public BlockMerger(int firstTrial, int trials, Consumer<TrialOutcomes> listener) {
        this.target = null;
        this.collect = false;
        this.trials = trials;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.next = firstTrial;
    }

    /**
     * Hands in one finished block.
     *
     * @param block the outcomes of one block, starting at a block boundary not handed in before
     */
    public synchronized void accept(TrialOutcomes block) {
        if (block.offset() < next || waiting.containsKey(block.offset())) {
            throw new IllegalArgumentException("block: trials from " + block.offset() + " were already merged");
        }
        waiting.put(block.offset(), block);
        TrialOutcomes b;
        while ((b = waiting.remove(next)) != null) {
            if (collect) {
                if (b.layout() != null && target.layout() == null) {
                    // a responsive run's blocks carry extra columns: collect into a store of their shape
                    target = b.emptyLike(0, trials);
                }
                target.copyFrom(b);
            }
            next += b.trials();
            if (listener != null) {
                listener.accept(b);
            }
            if (b.trials() == 0) {
                break;
            }
        }
    }

    /** @return trials merged so far (a prefix 0..merged()-1 of the run) */
    public synchronized int merged() {
        return next;
    }

    /** @throws IllegalStateException when a block is missing */
    public synchronized void checkComplete() {
        if (next != trials) {
            throw new IllegalStateException("expected every block merged, but only trials 0.." + (next - 1) + " of "
                    + trials + " are");
        }
    }

    /**
     * @return the outcomes of every trial
     * @throws IllegalStateException when a block is missing, or when this merger does not collect
     */
    public synchronized TrialOutcomes result() {
        checkComplete();
        if (!collect) {
            throw new IllegalStateException("this merger passes blocks on without collecting them");
        }
        return target;
    }
}
