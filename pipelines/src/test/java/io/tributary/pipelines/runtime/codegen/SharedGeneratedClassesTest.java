package io.tributary.pipelines.runtime.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import org.apache.flink.table.runtime.generated.CompileUtils;
import org.junit.jupiter.api.Test;

/**
 * Generated classes are shared by the jobs whose class loaders find the same classes for their
 * names, and compiled under a job's own loader when it has classes of its own or lacks one.
 */
class SharedGeneratedClassesTest {
    private static final ClassLoader SHARED = SharedGeneratedClasses.class.getClassLoader();

    /** A class of the application that generated code names. */
    public static final class Named {
        public static final Object CONSTANT = new Object();
    }

    /** Generated code naming {@link Named} as Flink's does: by its full name. */
    private static String codeNamingIt(String className) {
        return "public class "
                + className
                + " implements java.util.function.Supplier {\n"
                + "  public Object get() {\n"
                + "    return "
                + Named.class.getCanonicalName()
                + ".class;\n"
                + "  }\n"
                + "}\n";
    }

    @Test
    void jobsWhoseLoadersOnlyDelegateShareOneClass() throws Exception {
        String code = codeNamingIt("SharedByJobs");
        Class<?> first = CompileUtils.compile(delegatingOnly(), "SharedByJobs", code);
        Class<?> second = CompileUtils.compile(delegatingOnly(), "SharedByJobs", code);

        assertThat(second).isSameAs(first);
        assertThat(namedAsSeenBy(first)).isSameAs(Named.class);
    }

    @Test
    void aJobWithItsOwnCopyOfANamedClassCompilesAgainstThatCopy() throws Exception {
        String code = codeNamingIt("OwnCopy");
        ClassLoader job = new OwnCopyOf(Named.class.getName(), SHARED);
        Class<?> shared = CompileUtils.compile(delegatingOnly(), "OwnCopy", code);
        Class<?> own = CompileUtils.compile(job, "OwnCopy", code);

        assertThat(SharedGeneratedClasses.parentFor(job, code)).isSameAs(job);
        assertThat(own).isNotSameAs(shared);
        assertThat(namedAsSeenBy(own))
                .isSameAs(job.loadClass(Named.class.getName()))
                .isNotSameAs(Named.class);
    }

    @Test
    void aJobLoaderThatLacksANamedClassKeepsItsOwn() {
        ClassLoader withoutTheApplication =
                new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());

        assertThat(SharedGeneratedClasses.parentFor(withoutTheApplication, codeNamingIt("Lacks")))
                .isSameAs(withoutTheApplication);
    }

    @Test
    void namesOfTheJdkAndMembersOfClassesAreResolvedAsClasses() {
        String code =
                "public class Members { Object o = "
                        + "org.apache.flink.table.data.binary.BinaryStringData.EMPTY_UTF8; "
                        + "java.util.Map.Entry e; }";

        assertThat(SharedGeneratedClasses.parentFor(delegatingOnly(), code)).isSameAs(SHARED);
    }

    @Test
    void aMemberOfAClassTheJobHasItsOwnCopyOfIsNotShared() {
        ClassLoader job = new OwnCopyOf(Named.class.getName(), SHARED);
        String code =
                "public class Member { Object o = "
                        + Named.class.getCanonicalName()
                        + ".CONSTANT; }";

        assertThat(SharedGeneratedClasses.parentFor(job, code)).isSameAs(job);
    }

    private static ClassLoader delegatingOnly() {
        return new URLClassLoader(new URL[0], SHARED);
    }

    private static Object namedAsSeenBy(Class<?> compiled) throws Exception {
        return ((java.util.function.Supplier<?>) compiled.getConstructor().newInstance()).get();
    }

    /** A job's class loader with a copy of one class of its own, found before its parent's. */
    private static final class OwnCopyOf extends ClassLoader {
        private final String name;

        OwnCopyOf(String name, ClassLoader parent) {
            super(parent);
            this.name = name;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve)
                throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> loaded = findLoadedClass(className);
                if (loaded == null) {
                    String file = className.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(file)) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(className, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(className, e);
                    }
                }
                return loaded;
            }
        }
    }
}
