/** Read in the event log with the {@code game_owner} scope. */
@ReadScope(Scope.GAME_OWNER)
package com.crowdledger.events.game;

import com.crowdledger.shared.ReadScope;
import com.crowdledger.shared.Scope;
