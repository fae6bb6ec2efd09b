package chime.conformance.reports.model;

/**
 * What a verdict rests on. The overview keeps these apart because they carry different weight: a
 * target failing a documented rule does not conform, while a target failing a kit decision only
 * disagrees with the kit's reading of an ambiguous sentence.
 */
public enum Basis {
    DOCUMENTED("Documented rules (S, I)", "Documented (rules S, I)"),
    KIT_DECISION("Kit decisions (A)", "Kit decisions (rules A, or @assumption)"),
    MODEL_ONLY("Service model only (M)", "Service model only (rules M, or @model)");

    private final String ruleTitle;
    private final String scenarioTitle;

    Basis(String ruleTitle, String scenarioTitle) {
        this.ruleTitle = ruleTitle;
        this.scenarioTitle = scenarioTitle;
    }

    /** How the overview names rules of this basis (by their kind). */
    public String ruleTitle() {
        return ruleTitle;
    }

    /** How the overview names scenarios of this basis (by their tags, then their rules' kinds). */
    public String scenarioTitle() {
        return scenarioTitle;
    }
}
