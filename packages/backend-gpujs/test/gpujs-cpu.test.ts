import { paritySuite } from './parity.js';

paritySuite('cpu', 30);
