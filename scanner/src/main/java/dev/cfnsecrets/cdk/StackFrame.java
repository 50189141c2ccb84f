package dev.cfnsecrets.cdk;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One frame of a construct's creation stack ({@code aws:cdk:creationStack}), as the CDK writes it:
 *
 * <ul>
 *   <li>Node.js (V8): {@code new ApiStack (/app/lib/api-stack.js:17:5)}, {@code Object.<anonymous>
 *       (/app/bin/app.js:8:1)}, {@code /app/bin/app.js:8:1} for an anonymous function, each maybe
 *       after {@code at }; a file may be a {@code file://} URL (ES modules). TypeScript through
 *       ts-node or {@code --enable-source-maps} names the {@code .ts} file.
 *   <li>Python and Java, which the jsii runtime sends when {@code JSII_HOST_STACK_TRACES=1}: {@code
 *       MyStack.__init__ (/app/my_app/my_stack.py:42)} (a Python file may be relative), {@code
 *       com.example.ApiStack.<init> (ApiStack.java:42)} (Java names only the file: its folder comes
 *       from the package of the class); a column, when there is one, after the line.
 *   <li>The same runtimes' own formats, as pasted traces hold them: Python's {@code File
 *       "/app/app.py", line 12, in <module>} and Java's {@code at
 *       com.example.ApiStack.<init>(ApiStack.java:42)}.
 * </ul>
 *
 * Anything else (the CDK's {@code ...aws-cdk-lib...} folds, {@code (no user code in 10 frames …)},
 * {@code eval} frames, {@code native}) is no frame. The text comes from a file anyone may have
 * written: it is parsed by hand, in one pass, and a frame longer than {@link #MAX_LENGTH} is
 * ignored.
 *
 * @param file the file as the frame names it (for a Java frame, the package's folders and the file
 *     name: {@code com/example/ApiStack.java})
 * @param line 1-based
 * @param column 1-based; 1 when the frame has none
 */
public record StackFrame(String file, int line, int column) {
    /** Longer frames are not read: a real one is a function name and a path. */
    static final int MAX_LENGTH = 4096;

    private static final String AT = "at ";
    private static final String PYTHON_FILE = "File \"";
    private static final int MAX_NUMBER_DIGITS = 9;

    /** Classes of the CDK, its bindings and the JVM: never the user's code. */
    private static final List<String> JVM_LIBRARY_PACKAGES =
            List.of(
                    "software.amazon.awscdk.",
                    "software.amazon.jsii.",
                    "software.constructs.",
                    "java.",
                    "javax.",
                    "jdk.",
                    "sun.",
                    "kotlin.");

    /** Folders that hold installed libraries, never the app: Node's and Python's. */
    private static final List<String> LIBRARY_FOLDERS =
            List.of("node_modules", "site-packages", "dist-packages");

    /** The frame written in {@code text}, if it is one of the user's code (not a library's). */
    public static Optional<StackFrame> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String frame = text.strip();
        if (frame.startsWith(AT)) {
            frame = frame.substring(AT.length()).stripLeading();
        }
        if (frame.startsWith(PYTHON_FILE)) {
            return pythonTraceback(frame);
        }
        if (frame.endsWith(")")) {
            return called(frame);
        }
        return location(frame, "");
    }

    /** {@code File "/app/app.py", line 12, in <module>}. */
    private static Optional<StackFrame> pythonTraceback(String frame) {
        int close = frame.indexOf('"', PYTHON_FILE.length());
        String lineMark = ", line ";
        if (close < 0 || !frame.startsWith(lineMark, close + 1)) {
            return Optional.empty();
        }
        int from = close + 1 + lineMark.length();
        int to = from;
        while (to < frame.length() && Character.isDigit(frame.charAt(to))) {
            to++;
        }
        int line = number(frame.substring(from, to));
        String file = frame.substring(PYTHON_FILE.length(), close);
        return line > 0 ? userCode(file, line, 1, "") : Optional.empty();
    }

    /**
     * {@code function (location)}, or Java's {@code class.method(File.java:42)}. The location is
     * what follows the first {@code " ("} (a path may hold parentheses, a function name holds no
     * {@code " ("}), or for Java's own format the first {@code "("}.
     */
    private static Optional<StackFrame> called(String frame) {
        int open = frame.indexOf(" (");
        int start = open < 0 ? frame.indexOf('(') : open + 1;
        if (start < 0) {
            return Optional.empty();
        }
        String function = frame.substring(0, start).strip();
        return location(frame.substring(start + 1, frame.length() - 1), function);
    }

    /** {@code file:line:column} or {@code file:line}. */
    private static Optional<StackFrame> location(String location, String function) {
        if (location.startsWith("eval at ") || function.startsWith("eval")) {
            return Optional.empty();
        }
        int last = location.lastIndexOf(':');
        if (last < 0) {
            return Optional.empty();
        }
        int lastNumber = number(location.substring(last + 1));
        if (lastNumber < 0) {
            return Optional.empty();
        }
        int before = location.lastIndexOf(':', last - 1);
        String beforeLast = before < 0 ? "" : location.substring(before + 1, last);
        if (!beforeLast.isEmpty()
                && beforeLast.chars().allMatch(Character::isDigit)
                && number(beforeLast) < 0) {
            return Optional.empty(); // a line number too long to be one
        }
        int line = before < 0 ? -1 : number(beforeLast);
        if (line > 0) {
            return userCode(location.substring(0, before), line, Math.max(1, lastNumber), function);
        }
        return lastNumber > 0
                ? userCode(location.substring(0, last), lastNumber, 1, function)
                : Optional.empty();
    }

    private static Optional<StackFrame> userCode(
            String file, int line, int column, String function) {
        if (file.isEmpty() || isLibrary(file) || isRuntimeInternal(file)) {
            return Optional.empty();
        }
        if (isJvmSource(file) && file.indexOf('/') < 0 && file.indexOf('\\') < 0) {
            return jvmSource(file, line, function);
        }
        return Optional.of(new StackFrame(file, line, column));
    }

    /**
     * A Java (or Kotlin, Scala) frame names the file only: its folders are the package of the class
     * the frame's function belongs to ({@code com.example.ApiStack.<init>} in {@code ApiStack.java}
     * is {@code com/example/ApiStack.java}).
     */
    private static Optional<StackFrame> jvmSource(String file, int line, String function) {
        // A module prefix (app//com.example.X, java.base/java.lang.Thread) is not a package.
        String qualified = function.substring(function.lastIndexOf('/') + 1);
        if (JVM_LIBRARY_PACKAGES.stream().anyMatch(qualified::startsWith)) {
            return Optional.empty();
        }
        int method = qualified.lastIndexOf('.');
        String className = method < 0 ? "" : qualified.substring(0, method);
        int simpleName = className.lastIndexOf('.');
        String folders = simpleName < 0 ? "" : className.substring(0, simpleName);
        String path = folders.isEmpty() ? file : folders.replace('.', '/') + "/" + file;
        return Optional.of(new StackFrame(path, line, 1));
    }

    private static boolean isJvmSource(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return lower.endsWith(".java") || lower.endsWith(".kt") || lower.endsWith(".scala");
    }

    /** A file under a library folder, whatever the separator. */
    private static boolean isLibrary(String file) {
        String path = "/" + file.replace('\\', '/') + "/";
        return LIBRARY_FOLDERS.stream().anyMatch(folder -> path.contains("/" + folder + "/"));
    }

    /**
     * Node's own modules ({@code node:internal/…}, and before Node 16 {@code internal/…} without a
     * leading slash) and anything else that is not a file ({@code <anonymous>}, {@code native}).
     */
    private static boolean isRuntimeInternal(String file) {
        return file.startsWith("node:")
                || file.startsWith("internal/")
                || file.startsWith("<")
                || file.equals("native");
    }

    /** A decimal number of at most nine digits, or -1. */
    private static int number(String text) {
        if (text.isEmpty() || text.length() > MAX_NUMBER_DIGITS) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }
}
