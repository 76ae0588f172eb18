package com.syncdesk.demo;

import java.util.List;

/**
 * The words a demo data set and the JIRA simulator share, so a demo database and a simulated JIRA
 * look alike: project keys and names, issue summaries, workflow values, people and sprint goals.
 */
public final class DemoVocabulary {

    public static final List<String> PROJECT_NAMES = List.of("Payments", "Web Shop", "Mobile App", "Data Platform", "Identity",
            "Search", "Checkout", "Logistics", "Billing", "Analytics", "Growth", "Platform", "Support Portal", "Notifications", "Catalog",
            "Recommendations", "Partner API", "Onboarding", "Security", "Infrastructure");
    public static final List<String> PROJECT_KEYS = List.of("PAY", "WEB", "MOB", "DATA", "IAM", "SRCH", "CHK", "LOG", "BILL", "ANA",
            "GRO", "PLAT", "SUP", "NOTI", "CAT", "REC", "PAPI", "ONB", "SEC", "INFRA");
    /** An issue's summary is a verb and an object. */
    public static final List<String> VERBS = List.of("Fix", "Add", "Refactor", "Remove", "Migrate", "Document", "Speed up", "Validate",
            "Localise", "Audit", "Retry", "Cache", "Paginate", "Harden", "Redesign");
    public static final List<String> OBJECTS = List.of("login redirect loop", "invoice PDF export", "sprint burndown chart",
            "webhook retries", "password reset email", "currency rounding", "search relevance for SKUs", "mobile push tokens",
            "CSV import of customers", "rate limiter for the public API", "dark mode on settings page", "timezone handling in reports",
            "refund workflow", "session timeout warning", "address autocomplete", "audit log retention", "feature flag cleanup",
            "checkout 3-D Secure step", "slow order history query", "broken links in help centre");
    /** The workflow's statuses, in the order an issue moves through them. */
    public static final List<String> STATUSES = List.of("To Do", "In Progress", "In Review", "Done");
    public static final List<String> TYPES = List.of("Story", "Bug", "Task", "Spike");
    public static final List<String> PRIORITIES = List.of("Highest", "High", "Medium", "Low");
    public static final List<String> PEOPLE = List.of("Ana Souza", "Ben Carter", "Chloé Martin", "Dmitri Volkov", "Emeka Obi",
            "Fatima Zahra", "Grace Lee", "Hiro Tanaka", "Ines García", "Jonas Berg", "Kavya Rao", "Liam O'Brien", "Maja Nowak",
            "Noah Fischer");
    public static final List<String> GOALS = List.of("Ship the new checkout to 10% of users", "Cut p95 API latency below 300 ms",
            "Close the audit findings before the release", "Make onboarding self-service", "Stabilise the nightly import",
            "Launch partner API v2 beta");
    /** Story point estimates on the usual planning-poker scale. */
    public static final List<Integer> STORY_POINTS = List.of(1, 2, 3, 5, 8, 13);
    /** Project keys run out after five rounds of the list: PAY, then PAYA … PAYD. */
    public static final int MAX_PROJECTS = PROJECT_KEYS.size() * 5;

    private DemoVocabulary() {
    }

    /** The key of the {@code project}th project (1-based): PAY, WEB, …, then PAYA, WEBA, …. */
    public static String projectKey(int project) {
        int index = (project - 1) % PROJECT_KEYS.size();
        int round = (project - 1) / PROJECT_KEYS.size();
        return PROJECT_KEYS.get(index) + (round == 0 ? "" : String.valueOf((char) ('A' + round - 1)));
    }

    /** The name of the {@code project}th project (1-based): Payments, …, then Payments 2, …. */
    public static String projectName(int project) {
        int round = (project - 1) / PROJECT_NAMES.size();
        return PROJECT_NAMES.get((project - 1) % PROJECT_NAMES.size()) + (round == 0 ? "" : " " + (round + 1));
    }
}
