package org.onegrid.gateway.identity;

import java.util.List;

/** The people's roles OneGrid knows; anything else in a token is ignored. */
public final class Roles {

    public static final String GRID_WORKER = "grid-worker";
    public static final String DISPATCHER = "dispatcher";
    public static final String DEPARTMENT_HANDLER = "department-handler";
    public static final String CENTER_STAFF = "center-staff";
    public static final String LIAISON = "liaison";
    public static final String TALENT = "talent";
    public static final String RESIDENT = "resident";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(GRID_WORKER, DISPATCHER, DEPARTMENT_HANDLER, CENTER_STAFF, LIAISON,
            TALENT, RESIDENT, ANALYST, ADMIN);

    private Roles() {
    }
}
