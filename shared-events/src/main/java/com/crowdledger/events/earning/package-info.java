/** Read in the event log with the {@code billing} scope. */
@ReadScope(Scope.BILLING)
package com.crowdledger.events.earning;

import com.crowdledger.shared.ReadScope;
import com.crowdledger.shared.Scope;
