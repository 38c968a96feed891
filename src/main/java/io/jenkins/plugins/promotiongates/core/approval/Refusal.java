package io.jenkins.plugins.promotiongates.core.approval;

/** Why a gate refused a decision; the category tells the glue which HTTP status to answer. */
public enum Refusal {
    NOT_ELIGIBLE(Category.FORBIDDEN),
    STARTER_EXCLUDED(Category.FORBIDDEN),
    CHANGE_AUTHOR_EXCLUDED(Category.FORBIDDEN),
    BREAK_GLASS_NOT_ALLOWED(Category.FORBIDDEN),
    BREAK_GLASS_NOT_NAMED(Category.FORBIDDEN),
    COMMENT_REQUIRED(Category.INVALID),
    WRONG_ARTIFACT(Category.CONFLICT),
    WRONG_POLICY(Category.CONFLICT),
    CLOSED(Category.CONFLICT);

    private final Category category;

    Refusal(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }

    /** FORBIDDEN: 403, the person may not do this. INVALID: 400, fix the request. CONFLICT: 409, the gate moved on. */
    public enum Category {
        FORBIDDEN,
        INVALID,
        CONFLICT
    }
}
