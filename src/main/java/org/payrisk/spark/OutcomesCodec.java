package org.payrisk.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.payrisk.stats.ResponseLayout;
import org.payrisk.stats.TrialOutcomes;

/**
 * Writes one block's {@link TrialOutcomes} as bytes and reads them back, column by column, so that
 * what travels from an executor to the driver is plain numbers in a stated layout, not a Java object
 * graph. Doubles and longs travel as their exact bits, so the decoded block is bit-identical to the
 * one the executor computed.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): magic {@value #MAGIC}, format {@value #FORMAT};
 * the model names and the recorded input paths (a count, then modified UTF-8 strings); offset,
 * trials, months; then the columns, each {@code trials} values long: costs; per model its revenue,
 * its net income for months 1..months and its cash balance for months 0..months; the activity
 * counters of {@link TrialOutcomes#ACTIVITY} (longs); the recorded inputs.
 *
 * <p>Thread safe: stateless.
 */
public final class OutcomesCodec {

    /** First int of every encoded block ("PRBK"). */
    public static final int MAGIC = 0x5052424B;

    /** Layout version: bump it when a column is added to {@link TrialOutcomes}. */
    public static final int FORMAT = 1;

    /**
     * Format of a responsive run's block ({@link TrialOutcomes#layout()} not null): format 1, with the
     * layout (case names, incentives flag) after the month count and, after the input columns, each
     * model's costs then the layout's extra columns.
     */
    public static final int FORMAT_RESPONSIVE = 2;

    /**
     * First int of a block that failed on its input ("PRNF"): a trial's outcome was not finite. Only
     * the block number follows; the driver reruns that block to raise the very same error, so no
     * exception object travels.
     */
    public static final int FAILED = 0x50524E46;

    /**
     * @param block the block number whose run found a non-finite outcome
     * @return the bytes that say so
     */
    public static byte[] failed(int block) {
        return java.nio.ByteBuffer.allocate(8).putInt(FAILED).putInt(block).array();
    }

    /**
     * @param bytes a task's result
     * @return the block number when the bytes are a {@link #failed} block, else -1
     */
    public static int failedBlock(byte[] bytes) {
        if (bytes.length == 8) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
            if (b.getInt() == FAILED) {
                return b.getInt();
            }
        }
        return -1;
    }

    private OutcomesCodec() {
    }

    /**
     * @param block the outcomes of one block
     * @return its bytes
     */
    public static byte[] encode(TrialOutcomes block) {
        int n = block.trials();
        int models = block.models().size();
        int months = block.months();
        long doubles = (long) n * (1 + models * (2L + 2 * months) + TrialOutcomes.ACTIVITY.size() + block.inputs().size());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, 8 * doubles + 1024));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            ResponseLayout layout = block.layout();
            out.writeInt(layout == null ? FORMAT : FORMAT_RESPONSIVE);
            writeStrings(out, block.models());
            writeStrings(out, block.inputs());
            out.writeInt(block.offset());
            out.writeInt(n);
            out.writeInt(months);
            if (layout != null) {
                writeStrings(out, layout.cases());
                out.writeBoolean(layout.incentives());
            }
            writeColumn(out, block.costsColumn());
            for (int m = 0; m < models; m++) {
                writeColumn(out, block.revenueColumn(m));
                for (int month = 1; month <= months; month++) {
                    writeColumn(out, block.monthlyNetColumn(m, month));
                }
                for (int month = 0; month <= months; month++) {
                    writeColumn(out, block.cashBalanceColumn(m, month));
                }
            }
            for (int k = 0; k < TrialOutcomes.ACTIVITY.size(); k++) {
                for (int t = 0; t < n; t++) {
                    out.writeLong(block.activity(k, t));
                }
            }
            for (int k = 0; k < block.inputs().size(); k++) {
                writeColumn(out, block.inputColumn(k));
            }
            if (layout != null) {
                for (int m = 0; m < models; m++) {
                    writeColumn(out, block.costsColumn(m));
                }
                for (int k = 0; k < layout.columns(); k++) {
                    for (int t = 0; t < n; t++) {
                        out.writeDouble(block.extra(k, t));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * @param bytes what {@link #encode} wrote
     * @return the block, bit for bit
     * @throws IllegalArgumentException when the bytes are not an encoded block of this format
     */
    public static TrialOutcomes decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int magic = in.readInt();
            int format = in.readInt();
            if (magic != MAGIC || (format != FORMAT && format != FORMAT_RESPONSIVE)) {
                throw new IllegalArgumentException(String.format("block bytes: expected magic %08x format %d, found %08x format %d",
                        MAGIC, FORMAT, magic, format));
            }
            List<String> models = readStrings(in);
            List<String> inputs = readStrings(in);
            int offset = in.readInt();
            int n = in.readInt();
            int months = in.readInt();
            ResponseLayout layout = format == FORMAT_RESPONSIVE ? new ResponseLayout(models.size(), readStrings(in), in.readBoolean()) : null;
            TrialOutcomes block = new TrialOutcomes(models, inputs, offset, n, months, layout);
            for (int t = 0; t < n; t++) {
                block.setCosts(t, in.readDouble());
            }
            for (int m = 0; m < models.size(); m++) {
                for (int t = 0; t < n; t++) {
                    block.setRevenue(m, t, in.readDouble());
                }
                for (int month = 1; month <= months; month++) {
                    for (int t = 0; t < n; t++) {
                        block.setMonthlyNet(m, month, t, in.readDouble());
                    }
                }
                for (int month = 0; month <= months; month++) {
                    for (int t = 0; t < n; t++) {
                        block.setCashBalance(m, month, t, in.readDouble());
                    }
                }
            }
            for (int k = 0; k < TrialOutcomes.ACTIVITY.size(); k++) {
                for (int t = 0; t < n; t++) {
                    block.setActivity(k, t, in.readLong());
                }
            }
            for (int k = 0; k < inputs.size(); k++) {
                for (int t = 0; t < n; t++) {
                    block.setInput(k, t, in.readDouble());
                }
            }
            if (layout != null) {
                for (int m = 0; m < models.size(); m++) {
                    for (int t = 0; t < n; t++) {
                        block.setCosts(m, t, in.readDouble());
                    }
                }
                for (int k = 0; k < layout.columns(); k++) {
                    for (int t = 0; t < n; t++) {
                        block.setExtra(k, t, in.readDouble());
                    }
                }
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("block bytes: expected the end after the last column, found "
                        + in.available() + " more bytes");
            }
            return block;
        } catch (IOException e) {
            throw new IllegalArgumentException("block bytes: truncated (" + bytes.length + " bytes)", e);
        }
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IllegalArgumentException("block bytes: expected a name count, found " + n);
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }

    private static void writeColumn(DataOutputStream out, double[] column) throws IOException {
        for (double v : column) {
            out.writeDouble(v);
        }
    }
}
