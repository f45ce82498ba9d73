package io.tributary.pipelines.runtime.codegen;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.annotation.Internal;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.commons.compiler.Cookable;
import org.codehaus.commons.compiler.ErrorHandler;
import org.codehaus.commons.compiler.ISimpleCompiler;
import org.codehaus.commons.compiler.WarningHandler;
import org.codehaus.janino.SimpleCompiler;

/**
 * Janino's simple compiler, whose class files are kept ({@link KeptResults}) under the source, the
 * settings that shape them and the classes they were compiled against ({@link CompiledAgainst}): a
 * JVM that compiles the same source again defines the kept classes instead, in a class loader of
 * its own under the same parent, as Janino does.
 */
@Internal
final class KeptSimpleCompiler extends Cookable implements ISimpleCompiler {
    private static final String KIND = "janino.classes";

    private final KeptResults kept;
    private final SimpleCompiler compiler = new SimpleCompiler();
    private ClassLoader parent = Thread.currentThread().getContextClassLoader();
    private String debugging = "default";
    private int sourceVersion = -1;
    private int targetVersion = -1;
    private Map<String, byte[]> classes;
    private ClassLoader loader;

    KeptSimpleCompiler(KeptResults kept) {
        this.kept = kept;
    }

    @Override
    public void setParentClassLoader(ClassLoader parentClassLoader) {
        compiler.setParentClassLoader(parentClassLoader);
        this.parent = parentClassLoader;
    }

    @Override
    public void setDebuggingInformation(boolean source, boolean lines, boolean vars) {
        compiler.setDebuggingInformation(source, lines, vars);
        this.debugging = source + "," + lines + "," + vars;
    }

    @Override
    public void setCompileErrorHandler(ErrorHandler handler) {
        compiler.setCompileErrorHandler(handler);
    }

    @Override
    public void setWarningHandler(WarningHandler handler) {
        compiler.setWarningHandler(handler);
    }

    @Override
    public void setSourceVersion(int version) {
        compiler.setSourceVersion(version);
        this.sourceVersion = version;
    }

    @Override
    public void setTargetVersion(int version) {
        compiler.setTargetVersion(version);
        this.targetVersion = version;
    }

    @Override
    public void cook(String fileName, Reader reader) throws CompileException, IOException {
        String source = readAll(reader);
        KeptResults.Key key =
                kept.key(
                        KIND,
                        String.valueOf(fileName),
                        debugging,
                        Integer.toString(sourceVersion),
                        Integer.toString(targetVersion),
                        CompiledAgainst.of(source, parent),
                        source);
        Optional<Map<String, byte[]>> keptClasses =
                kept.read(key).flatMap(KeptSimpleCompiler::decode);
        if (keptClasses.isPresent()) {
            classes = keptClasses.get();
            loader = new KeptClassLoader(parent, classes);
            return;
        }
        compiler.cook(fileName, new StringReader(source));
        classes = compiler.getBytecodes();
        loader = compiler.getClassLoader();
        kept.write(key, encode(classes));
    }

    @Override
    public Map<String, byte[]> getBytecodes() {
        if (classes == null) {
            throw new IllegalStateException("Must only be called after \"cook()\"");
        }
        return classes;
    }

    @Override
    public ClassLoader getClassLoader() {
        if (loader == null) {
            throw new IllegalStateException("Must only be called after \"cook()\"");
        }
        return loader;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    static byte[] encode(Map<String, byte[]> classes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(classes.size());
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static Optional<Map<String, byte[]>> decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                byte[] code = new byte[in.readInt()];
                in.readFully(code);
                classes.put(name, code);
            }
            return in.available() == 0 && !classes.isEmpty()
                    ? Optional.of(classes)
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Not what encode wrote (its checksum matched, so another format's): compile.
            return Optional.empty();
        }
    }

    /** Defines the kept classes when they are first asked for, as Janino's own loader does. */
    private static final class KeptClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        KeptClassLoader(ClassLoader parent, Map<String, byte[]> classes) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] code = classes.get(name);
            if (code == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, code, 0, code.length);
        }
    }
}
