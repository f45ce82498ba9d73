package io.tributary.pipelines.runtime.codegen;

import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.annotation.Internal;

/**
 * Which class loader a generated class is compiled under: the one that loaded Tributary and Flink,
 * when a job's class loader finds the same classes for every name in the code, so that all the jobs
 * of this JVM share one class; the job's own loader otherwise (a job jar with classes of its own,
 * or without some of the shared loader's).
 *
 * <p>Flink gives every job a class loader, and compiles and caches generated classes under it. On
 * the embedded cluster every job's loader only delegates, so each job compiled the same classes
 * again, and the JIT compiled them again from the interpreter: a warm 1 M-line backfill ran about
 * 140 compilations of generated methods, and the first rows of every task through profiled code.
 * Shared, the JIT's work on a generated operator outlives its job, as it does for Flink's and
 * Tributary's own classes. On a Flink cluster, Flink's {@code CompileUtils} loads first and this
 * class is not used.
 */
@Internal
public final class SharedGeneratedClasses {
    private static final ClassLoader SHARED = SharedGeneratedClasses.class.getClassLoader();

    /** For each candidate binary name, the class the shared loader has for it, if any. */
    private static final Map<String, Optional<Class<?>>> SHARED_CLASSES = new ConcurrentHashMap<>();

    /** Per job loader (weakly held: it goes with its job), the code it may share. */
    private static final Map<ClassLoader, Map<String, Boolean>> ALIKE = new WeakHashMap<>();

    private SharedGeneratedClasses() {}

    /**
     * The loader to compile {@code code} under for a job whose class loader is {@code jobLoader}:
     * the shared one when both find the same class for every name in the code, else {@code
     * jobLoader}.
     */
    public static ClassLoader parentFor(ClassLoader jobLoader, String code) {
        if (jobLoader == null || jobLoader == SHARED) {
            return jobLoader;
        }
        Map<String, Boolean> decided;
        synchronized (ALIKE) {
            decided = ALIKE.computeIfAbsent(jobLoader, l -> new ConcurrentHashMap<>());
        }
        boolean alike = decided.computeIfAbsent(code, c -> findsAllAlike(jobLoader, c));
        return alike ? SHARED : jobLoader;
    }

    private static boolean findsAllAlike(ClassLoader jobLoader, String code) {
        for (String name : GeneratedCodeNames.in(code)) {
            // The JVM lets no class loader define java.* classes of its own.
            if (!name.startsWith("java.") && !findsAlike(jobLoader, name)) {
                return false;
            }
        }
        return true;
    }

    /** Whether both loaders mean the same class by {@code name}, or neither has one. */
    static boolean findsAlike(ClassLoader jobLoader, String name) {
        for (String candidate : GeneratedCodeNames.classCandidates(name)) {
            Optional<Class<?>> shared =
                    SHARED_CLASSES.computeIfAbsent(candidate, n -> load(n, SHARED));
            Optional<Class<?>> job = load(candidate, jobLoader);
            if (shared.isPresent() || job.isPresent()) {
                return shared.equals(job);
            }
        }
        return true;
    }

    private static Optional<Class<?>> load(String binaryName, ClassLoader loader) {
        try {
            return Optional.of(Class.forName(binaryName, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
