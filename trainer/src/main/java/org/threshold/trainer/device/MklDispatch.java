package org.threshold.trainer.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threshold.runs.IoFailure;
import org.threshold.runs.run.Numerics;

/**
 * MKL's code path on AMD processors. libtorch's MKL picks its kernels by vendor, not by the
 * instructions a processor has: on an AMD EPYC with AVX-512 its matrix products run its generic
 * path, 2.2–2.4× slower than its AVX-512 path on the same processor (docs/PERFORMANCE.md,
 * "The d=256 step"). MKL asks one function of its own, {@code mkl_serv_intel_cpu_true}, whether
 * the processor is Intel's; libtorch's MKL calls it through the dynamic linker, so a shared
 * library loaded first ({@code LD_PRELOAD}) that defines it to answer yes makes MKL choose its
 * kernels by the instructions the processor reports, as on Intel's.
 *
 * <p>{@link #write} writes that library: a 4 KB x86-64 ELF shared object with one function,
 * {@code mov eax, 1; ret}, made here so that no C compiler is needed. {@code bin/threshold}
 * preloads it on AMD x86-64 Linux unless {@code THRESHOLD_MKL_DISPATCH=vendor}; a run records the
 * choice in its numerics ({@link Numerics#MKL_DISPATCH}), since the two paths round differently.
 */
public final class MklDispatch {

    /** The library's file name; a process whose LD_PRELOAD names it computes with MKL's processor path. */
    public static final String LIBRARY = Numerics.MKL_DISPATCH_LIBRARY;

    /** The system property bin/threshold passes the library's path in, for processes a sweep starts. */
    public static final String LIBRARY_PROPERTY = "threshold.mkl.dispatch.library";

    private static final String SYMBOL = "mkl_serv_intel_cpu_true";
    private static final byte[] RETURN_ONE = {(byte) 0xb8, 1, 0, 0, 0, (byte) 0xc3}; // mov eax, 1; ret

    private static final int PAGE = 0x1000;
    private static final int ELF_HEADER = 64;
    private static final int PROGRAM_HEADER = 56;
    private static final int PROGRAM_HEADERS = 4;
    private static final int HASH = ELF_HEADER + PROGRAM_HEADERS * PROGRAM_HEADER;
    private static final int HASH_SIZE = 4 * (2 + 1 + 2); // nbucket, nchain, 1 bucket, 2 chain entries
    private static final int SYMBOLS = align(HASH + HASH_SIZE, 8);
    private static final int SYMBOL_SIZE = 24;
    private static final int STRINGS = SYMBOLS + 2 * SYMBOL_SIZE;
    private static final byte[] STRING_TABLE = ("\0" + SYMBOL + "\0").getBytes(StandardCharsets.US_ASCII);
    private static final int TEXT = align(STRINGS + STRING_TABLE.length, 16);
    private static final int TEXT_END = TEXT + RETURN_ONE.length;
    private static final int DYNAMIC = PAGE;
    private static final int DYNAMIC_ENTRIES = 6;
    private static final int FILE_SIZE = DYNAMIC + DYNAMIC_ENTRIES * 16;

    private MklDispatch() {
    }

    /** The shared object's bytes. */
    static byte[] library() {
        ByteBuffer b = ByteBuffer.allocate(FILE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        // ELF header: 64-bit, little-endian, version 1, System V; a shared object for x86-64
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        b.position(16);
        b.putShort((short) 3).putShort((short) 62).putInt(1);
        b.putLong(0).putLong(ELF_HEADER).putLong(0); // entry, program headers, no section headers
        b.putInt(0).putShort((short) ELF_HEADER).putShort((short) PROGRAM_HEADER).putShort((short) PROGRAM_HEADERS);
        b.putShort((short) 64).putShort((short) 0).putShort((short) 0);
        // the read-only, executable page: headers, hash table, symbols, names, code
        programHeader(b, 1, 4 | 1, 0, TEXT_END, PAGE);
        // the dynamic section on a page of its own, writable as the dynamic linker expects
        programHeader(b, 1, 4 | 2, DYNAMIC, DYNAMIC_ENTRIES * 16, PAGE);
        programHeader(b, 2, 4 | 2, DYNAMIC, DYNAMIC_ENTRIES * 16, 8);
        // GNU_STACK, not executable: without it the loader would make the process's stack executable
        programHeader(b, 0x6474e551, 4 | 2, 0, 0, 16);
        // SysV hash: one bucket holding symbol 1; its chain ends there
        b.position(HASH);
        b.putInt(1).putInt(2).putInt(1).putInt(0).putInt(0);
        // symbol 0 is the null symbol; symbol 1 the function, global, defined (section index 1)
        b.position(SYMBOLS + SYMBOL_SIZE);
        b.putInt(1).put((byte) 0x12).put((byte) 0).putShort((short) 1).putLong(TEXT).putLong(RETURN_ONE.length);
        b.position(STRINGS);
        b.put(STRING_TABLE);
        b.position(TEXT);
        b.put(RETURN_ONE);
        b.position(DYNAMIC);
        b.putLong(4).putLong(HASH); // DT_HASH
        b.putLong(5).putLong(STRINGS); // DT_STRTAB
        b.putLong(6).putLong(SYMBOLS); // DT_SYMTAB
        b.putLong(10).putLong(STRING_TABLE.length); // DT_STRSZ
        b.putLong(11).putLong(SYMBOL_SIZE); // DT_SYMENT
        b.putLong(0).putLong(0); // DT_NULL
        return b.array();
    }

    private static void programHeader(ByteBuffer b, int type, int flags, long at, long size, long alignment) {
        b.putInt(type).putInt(flags).putLong(at).putLong(at).putLong(at).putLong(size).putLong(size).putLong(alignment);
    }

    private static int align(int offset, int to) {
        return (offset + to - 1) / to * to;
    }

    /** Writes the library to {@code file} (atomically: processes starting at once never see half of it). */
    public static void write(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial");
        try {
            Files.write(partial, library());
            if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
                // readable by everyone who runs this checkout's bin/threshold, as a compiled library would be
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * {@code environment} (a child process's) set to compute with MKL's processor path or without
     * it: the library added to or removed from LD_PRELOAD.
     *
     * @param library the library's path, needed to add it
     * @throws IllegalStateException when the path is needed and not known
     */
    public static void set(Map<String, String> environment, boolean processorPath, Optional<Path> library) {
        List<String> preload = new ArrayList<>(Numerics.preloads(environment));
        preload.removeIf(Numerics::namesDispatchLibrary);
        if (processorPath) {
            Path path = library.or(() -> preloaded(environment)).orElseThrow(() -> new IllegalStateException(
                    "this run started with MKL's processor path (" + LIBRARY + " preloaded), but this process does not know "
                    + "where that library is: start it with bin/threshold"));
            preload.add(0, path.toString());
            environment.put(Numerics.MKL_DISPATCH, "intel");
        } else {
            environment.put(Numerics.MKL_DISPATCH, "vendor");
        }
        if (preload.isEmpty()) {
            environment.remove("LD_PRELOAD");
        } else {
            environment.put("LD_PRELOAD", String.join(":", preload));
        }
    }

    /** The library as this environment's LD_PRELOAD names it. */
    static Optional<Path> preloaded(Map<String, String> environment) {
        return Numerics.dispatchLibrary(environment).map(Path::of);
    }

    /** The library's path this process was given (bin/threshold's {@link #LIBRARY_PROPERTY}). */
    public static Optional<Path> library(Map<String, String> environment) {
        return Optional.ofNullable(System.getProperty(LIBRARY_PROPERTY)).filter(p -> !p.isBlank()).map(Path::of)
                .or(() -> preloaded(environment));
    }

    /** {@code java … MklDispatch FILE}: writes the library to FILE (bin/threshold does, on first use). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: MklDispatch FILE  (writes " + LIBRARY + " there)");
            System.exit(2);
        }
        try {
            write(Path.of(args[0]));
        } catch (IOException e) {
            System.err.println("threshold: cannot write " + args[0] + ": " + IoFailure.describe(e));
            System.exit(1);
        }
    }
}
