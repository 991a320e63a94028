import base from '@dispatch/eslint-config/base';

export default base;
