package chime.conformance.reports.model;

/** Where a rule stands, recomputed from the public AWS sources the registry cites for it. */
public enum Kind {
    /** A public AWS source states the rule. */
    S("stated by a public AWS source", Basis.DOCUMENTED),
    /** The sources clearly imply the rule. */
    I("implied by the sources", Basis.DOCUMENTED),
    /** No source settles it; the expectation is the kit's decision. */
    A("no source settles it: kit decision", Basis.KIT_DECISION),
    /** Only the service model says it. */
    M("from the service model only", Basis.MODEL_ONLY);

    private final String description;
    private final Basis basis;

    Kind(String description, Basis basis) {
        this.description = description;
        this.basis = basis;
    }

    public String description() {
        return description;
    }

    public Basis basis() {
        return basis;
    }
}
