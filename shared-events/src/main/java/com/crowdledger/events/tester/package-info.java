/** Read in the event log with the {@code tester} scope. */
@ReadScope(Scope.TESTER)
package com.crowdledger.events.tester;

import com.crowdledger.shared.ReadScope;
import com.crowdledger.shared.Scope;
