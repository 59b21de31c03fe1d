package org.onegrid.ticket.domain;

/** 好差评: the requester's verdict on the result. */
public enum Rating { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED }
