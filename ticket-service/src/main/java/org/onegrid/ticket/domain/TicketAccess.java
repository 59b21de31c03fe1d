package org.onegrid.ticket.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Who may drive a ticket: the command's roles, and for district- and department-bound roles only their own district's
 * or department's tickets.
 */
final class TicketAccess {

    private TicketAccess() {
    }

    static void require(Actor actor, String action, Set<Role> allowed, TicketData d) {
        if (!allowed.contains(actor.role())) {
            throw new TicketException.NotAllowed("a " + actor.role().header() + " may not " + action + " tickets");
        }
        if ((actor.role() == Role.DISPATCHER || actor.role() == Role.GRID_WORKER)
                && !Objects.equals(actor.districtCode(), d.districtCode)) {
            throw new TicketException.NotAllowed("ticket " + d.ticketNo + " belongs to district " + d.districtCode
                    + ", not to the caller's district " + actor.districtCode());
        }
        if (actor.role() == Role.DEPARTMENT_HANDLER && !Objects.equals(actor.departmentCode(), d.departmentCode)) {
            throw new TicketException.NotAllowed("ticket " + d.ticketNo + " is not assigned to the caller's department "
                    + actor.departmentCode());
        }
    }
}
