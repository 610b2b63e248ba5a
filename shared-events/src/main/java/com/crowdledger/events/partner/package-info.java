/** Read in the event log with the {@code tracking} scope. */
@ReadScope(Scope.TRACKING)
package com.crowdledger.events.partner;

import com.crowdledger.shared.ReadScope;
import com.crowdledger.shared.Scope;
