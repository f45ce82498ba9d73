package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.PublicEvolving;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table of the lake a pipeline writes: {@code <layer>.<domain>_<entity>}, declared by a
 * {@code CREATE TABLE} resource without connector options. Its location follows from the lake root.
 */
@PublicEvolving
public final class LakeTable {
    private final String layer;
    private final String name;
    private final String ddl;

    public LakeTable(String layer, String name, String ddl) {
        this.layer = layer;
        this.name = name;
        this.ddl = ddl;
    }

    /** Loads {@code tables/<layer>.<name>.sql} next to {@code owner}. */
    public static LakeTable declaredBy(Class<?> owner, String qualifiedName) {
        int dot = qualifiedName.indexOf('.');
        return new LakeTable(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1),
                SqlResource.load(owner, "tables/" + qualifiedName + ".sql"));
    }

    public String layer() {
        return layer;
    }

    public String name() {
        return name;
    }

    public String qualifiedName() {
        return layer + "." + name;
    }

    public String location(String lakeRoot) {
        return lakeRoot.replaceAll("/+$", "") + "/" + layer + "/" + name;
    }

    /** The DDL with the Delta connector options that place the table in the lake. */
    public String ddl(String lakeRoot, Map<String, String> connectorOptions) {
        Map<String, String> with = new LinkedHashMap<>();
        with.put("connector", "delta");
        with.put("path", location(lakeRoot));
        with.putAll(connectorOptions);
        return ddl + "\nWITH (" + SqlHints.pairs(with) + ")";
    }
}
