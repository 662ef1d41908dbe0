p("生活垃圾分类", "个人未按规定分类投放生活垃圾的，由城市管理部门责令改正；拒不改正的，处五十元以上二百元以下罚款。",
  "个人未按规定分类投放生活垃圾的，由城市管理部门责令改正；拒不改正的，处二百元罚款。",
  [("fine", "五十元以上二百元以下", "二百元", "tightened", "range replaced by fixed amount equal to the old maximum")])

p("文物行政执法", "阻碍文物行政执法人员依法执行职务的，由公安机关处五日以下拘留或者五百元以下罚款；情节较重的，处五日以上十日以下拘留，可以并处一千元以下罚款。",
  "阻碍文物行政执法人员依法执行职务的，由公安机关处五日以下拘留或者一千元以下罚款；情节较重的，处十日以上十五日以下拘留，可以并处二千元以下罚款。",
  [("fine", "或者五百元以下罚款", "或者一千元以下罚款", "tightened", "base alternative fine cap raised; base detention unchanged"),
   ("detention", "五日以上十日以下拘留", "十日以上十五日以下拘留", "tightened", "longer detention in serious band"),
   ("fine", "并处一千元以下罚款", "并处二千元以下罚款", "tightened", "cumulative fine in serious band raised")])

p("消防安全检查", "消防救援机构应当自受理申请之日起十个工作日内，对公众聚集场所进行投入使用、营业前消防安全检查。",
  "消防救援机构应当自受理申请之日起七个工作日内，对公众聚集场所进行投入使用、营业前消防安全检查；对采用告知承诺方式的，应当在作出许可后三十日内进行核查。",
  [("time_limit", "十个工作日内", "七个工作日内", "tightened", "shorter inspection period for the authority"),
   ("time_limit", "", "作出许可后三十日内", "added", "new verification deadline for notify-and-commit permits")])

p("旅游景区", "景区接待旅游者不得超过主管部门核定的最大承载量；旅游者数量达到最大承载量百分之八十时，景区应当向社会公告并采取分流措施。",
  "景区接待旅游者不得超过主管部门核定的最大承载量；旅游者数量达到最大承载量百分之七十时，景区应当向社会公告并采取分流措施。",
  [("threshold", "百分之八十", "百分之七十", "tightened", "diversion duty triggered earlier")])

p("矿工疗休养", "连续从事井下作业满十年的矿工，每年享受五天带薪疗养假。",
  "连续从事井下作业满五年的矿工，每年享受七天带薪疗养假。",
  [("threshold", "满十年", "满五年", "tightened", "more miners qualify"),
   ("entitlement", "五天带薪疗养假", "七天带薪疗养假", "tightened", "longer paid leave")])

p("乡村医生", "对在村卫生室执业的乡村医生，由县级人民政府按照每人每月三百元的标准发放岗位补助。",
  "对在村卫生室执业的乡村医生，由县级人民政府按照每人每月五百元的标准发放岗位补助；在边远山区执业的，补助标准提高到每人每月八百元。",
  [("entitlement", "每人每月三百元", "每人每月五百元", "tightened", "higher general subsidy"),
   ("entitlement", "", "每人每月八百元", "added", "new higher rate for remote areas")])

p("行业协会", "协会章程的修改，应当经会员大会出席会员的过半数通过；会员大会须有会员总数的二分之一以上出席方能召开。",
  "协会章程的修改，应当经会员大会出席会员的三分之二以上通过。",
  [("ratio", "过半数", "三分之二以上", "tightened", "larger majority required"),
   ("ratio", "会员总数的二分之一以上", "", "dropped", "attendance quorum removed")])

p("公证收费", "公证机构办理继承公证，收费不得超过五百元；申请人为最低生活保障对象的，减半收取。",
  "公证机构办理继承公证，收费不得超过三百元；申请人为最低生活保障对象的，免予收取。",
  [("limit", "收费不得超过五百元", "收费不得超过三百元", "tightened", "lower fee cap"),
   ("entitlement", "减半收取", "免予收取", "tightened", "half-fee reduction became full waiver")])

p("网约车", "从事网络预约出租汽车经营的驾驶员，年龄不得超过六十周岁，并具有三年以上驾驶经历。",
  "从事网络预约出租汽车经营的驾驶员，年龄不得超过六十五周岁，并取得相应准驾车型机动车驾驶证。",
  [("limit", "不得超过六十周岁", "不得超过六十五周岁", "loosened", "older drivers admitted"),
   ("qualification", "三年以上驾驶经历", "", "dropped", "driving-experience requirement removed")])

p("气象探测", "本办法自2025年7月1日起施行。",
  "本办法自2026年1月1日起施行。",
  [("effective", "2025年7月1日", "2026年1月1日", "changed", "commencement date moved")])

p("安全生产", "从业人员三百人以下的小型企业，可以不设置专职安全生产管理机构，但应当配备专职或者兼职安全生产管理人员。",
  "从业人员一百人以下的小型企业，可以不设置专职安全生产管理机构，但应当配备专职或者兼职安全生产管理人员。",
  [("threshold", "三百人以下", "一百人以下", "tightened", "exemption narrowed to smaller firms")])

p("计划用水", "超计划用水不超过百分之二十的部分，按照水价的一倍加价收费；超过百分之二十的部分，按照水价的二倍加价收费。",
  "超计划用水不超过百分之二十的部分，按照水价的一倍加价收费；超过百分之二十的部分，按照水价的三倍加价收费。",
  [("fine", "水价的二倍", "水价的三倍", "tightened", "upper-tier surcharge multiple raised; tier boundary and first tier unchanged")])

p("建筑装饰装修", "装饰装修工程的最低保修期限为二年，自竣工验收合格之日起计算。",
  "装饰装修工程的最低保修期限为三年，自竣工验收合格之日起计算。",
  [("limit", "最低保修期限为二年", "最低保修期限为三年", "tightened", "longer warranty owed")])

p("农村产权交易", "农村产权交易机构收取的交易服务费，不得超过成交金额的百分之三，单笔最高不超过五万元。",
  "农村产权交易机构收取的交易服务费，不得超过成交金额的百分之二。",
  [("limit", "成交金额的百分之三", "成交金额的百分之二", "tightened", "lower percentage fee cap"),
   ("limit", "单笔最高不超过五万元", "", "dropped", "absolute per-deal cap removed")])

p("兽药监管", "省级农业农村主管部门应当每三年对兽药生产企业至少开展一次全项目监督检查。",
  "省级农业农村主管部门应当每年对兽药生产企业至少开展一次全项目监督检查；对上一年度抽检不合格的企业，每半年至少开展一次。",
  [("frequency", "每三年", "每年", "tightened", "inspections more frequent"),
   ("frequency", "", "每半年", "added", "new higher frequency for failing firms")])

p("矿山爆破", "露天采矿场爆破作业点与居民住宅的安全距离不得小于三百米。",
  "露天采矿场爆破作业点与居民住宅、学校、医院的安全距离不得小于五百米。",
  [("limit", "不得小于三百米", "不得小于五百米", "tightened", "larger safety distance")])

p("考古调查", "在地下文物埋藏区内进行占地面积一万平方米以上的建设工程，建设单位应当在开工前三十日向文物主管部门报告，由其组织考古调查、勘探。",
  "在地下文物埋藏区内进行占地面积五千平方米以上的建设工程，建设单位应当在开工前六十日向文物主管部门报告，由其组织考古调查、勘探。",
  [("threshold", "一万平方米以上", "五千平方米以上", "tightened", "smaller projects now caught"),
   ("advance", "开工前三十日", "开工前六十日", "tightened", "earlier report required")])

p("网络交易", "在平台内销售商品的，消费者有权自收到商品之日起七日内无理由退货；平台经营者应当在收到退回商品之日起七日内返还商品价款。",
  "在平台内销售商品的，消费者有权自收到商品之日起十五日内无理由退货；平台经营者应当在收到退回商品之日起三日内返还商品价款。",
  [("entitlement", "收到商品之日起七日内", "收到商品之日起十五日内", "tightened", "longer return window for consumers"),
   ("time_limit", "收到退回商品之日起七日内", "收到退回商品之日起三日内", "tightened", "faster refund")])

p("农村邮政", "邮政企业在乡、镇人民政府所在地以外的农村地区，每周投递邮件不得少于三次。",
  "邮政企业在乡、镇人民政府所在地以外的农村地区，每周投递邮件不得少于五次。",
  [("frequency", "不得少于三次", "不得少于五次", "tightened", "more deliveries per week")])

p("林木采伐", "林业主管部门应当自受理林木采伐许可申请之日起二十日内作出决定；二十日内不能作出决定的，经本部门负责人批准，可以延长十日。",
  "林业主管部门应当自受理林木采伐许可申请之日起十日内作出决定；十日内不能作出决定的，经本部门负责人批准，可以延长五日。",
  [("time_limit", "之日起二十日内", "之日起十日内", "tightened", "shorter decision period (restated in the extension clause)"),
   ("time_limit", "延长十日", "延长五日", "tightened", "shorter extension")])
