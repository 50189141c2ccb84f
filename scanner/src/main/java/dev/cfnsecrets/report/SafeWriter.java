package dev.cfnsecrets.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer that applies {@link SafeText}'s rules to everything written through it, line breaks
 * kept: the command line's stdout and stderr, and the text and GitHub reports, go through one, so
 * that a line added anywhere later is covered without calling anything. Lines of a JSON document
 * pass unchanged (its escapes are JSON's, and its lines never start with {@code ::}).
 *
 * <p>Only {@link #command} writes a line that starts with {@code ::}: a workflow command of the
 * caller's own, whose data was escaped by the caller.
 */
public final class SafeWriter extends PrintWriter {
    private final Sink sink;

    private SafeWriter(Sink sink) {
        super(sink);
        this.sink = sink;
    }

    /**
     * {@code out} itself when it is a SafeWriter already, else a SafeWriter over it.
     *
     * @param styles pass the report's colour sequences (a terminal only); never a sequence that
     *     hides text
     */
    public static SafeWriter of(Writer out, boolean styles) {
        return out instanceof SafeWriter safe ? safe : new SafeWriter(new Sink(out, styles));
    }

    /**
     * Writes one workflow command line, e.g. {@code ::error file=…::…}, and a line break. The rest
     * of the line still goes through the rules, so a {@code ##[} in its data is neutralised.
     *
     * @throws IllegalArgumentException when {@code line} is not one line starting with {@code ::}
     */
    public void command(String line) {
        if (!line.startsWith("::") || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("not a single workflow command line");
        }
        synchronized (lock) {
            sink.command(line.substring(2));
        }
        write('\n');
    }

    /**
     * Flushes, and throws the first write error when the writer underneath reports errors by
     * exception; over a {@link PrintWriter}, whose errors are only flagged, it stays quiet as that
     * one would.
     */
    public void finish() throws IOException {
        flush();
        if (sink.failure != null) {
            throw sink.failure;
        }
    }

    /**
     * Feeds the escaper and passes its output on; remembers a failure, which PrintWriter would
     * swallow.
     */
    private static final class Sink extends Writer {
        private final Writer target;
        private final SafeText.Escaper escaper;
        private final boolean reportsFailures;
        private IOException failure;

        Sink(Writer target, boolean styles) {
            this.target = target;
            this.escaper = new SafeText.Escaper(true, true, styles);
            this.reportsFailures = !(target instanceof PrintWriter);
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                escaper.feed(chars[i]);
            }
            drain();
        }

        void command(String afterColons) {
            if (!escaper.atLineStart()) {
                throw new IllegalStateException("a workflow command must start a line");
            }
            escaper.commandStart();
            for (int i = 0; i < afterColons.length(); i++) {
                escaper.feed(afterColons.charAt(i));
            }
            try {
                drain();
            } catch (IOException e) {
                // drain() has kept it for finish(); the line break written next fails and flags it
                // as PrintWriter does.
            }
        }

        @Override
        public void flush() throws IOException {
            escaper.finish();
            drain();
            target.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
            target.close();
        }

        private void drain() throws IOException {
            if (escaper.out.isEmpty()) {
                return;
            }
            String text = escaper.out.toString();
            escaper.out.setLength(0);
            try {
                target.write(text);
            } catch (IOException e) {
                if (reportsFailures && failure == null) {
                    failure = e;
                }
                throw e;
            }
        }
    }
}
