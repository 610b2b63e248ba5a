/** Read in the event log with the {@code notifications} scope. */
@ReadScope(Scope.NOTIFICATIONS)
package com.crowdledger.events.notification;

import com.crowdledger.shared.ReadScope;
import com.crowdledger.shared.Scope;
