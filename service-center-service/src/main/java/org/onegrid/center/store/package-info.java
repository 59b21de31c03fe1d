/** Persistence in this service's own Mongo database, through mongodb-driver-sync. */
package org.onegrid.center.store;
